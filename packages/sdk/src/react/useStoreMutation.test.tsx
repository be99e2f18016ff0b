// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockHost, type MockHost } from '../testing/mock-host.js';
import { HostProvider } from './HostProvider.js';
import { useStoreMutation } from './useStoreMutation.js';

afterEach(cleanup);

function wrapperFor(host: MockHost) {
  return ({ children }: { children: ReactNode }) => <HostProvider host={host}>{children}</HostProvider>;
}

describe('useStoreMutation', () => {
  it('creates, puts and removes, with pending while a write runs', async () => {
    const host = createMockHost({ latencyMs: 5 });
    const { result } = renderHook(() => useStoreMutation<{ state: string }>('bookings'), {
      wrapper: wrapperFor(host),
    });
    expect(result.current.pending).toBe(false);
    let creating: Promise<unknown> = Promise.resolve();
    act(() => {
      creating = result.current.create({ state: 'new' });
    });
    expect(result.current.pending).toBe(true);
    let created: unknown;
    await act(async () => {
      created = await creating;
    });
    expect(result.current.pending).toBe(false);
    expect(created).toMatchObject({ id: 'doc-1', version: 1 });

    await act(async () => {
      await result.current.put('doc-1', { state: 'done' }, { ifVersion: 1 });
    });
    expect(host.docs('bookings')).toEqual([expect.objectContaining({ version: 2, data: { state: 'done' } })]);

    let removed: boolean | undefined;
    await act(async () => {
      removed = await result.current.remove('doc-1');
    });
    expect(removed).toBe(true);
    expect(host.docs('bookings')).toEqual([]);
  });

  it('a version conflict lands in error and resolves undefined', async () => {
    const host = createMockHost();
    host.seed('bookings', [{ state: 'new' }]);
    await host.api.store.put('bookings', 'doc-1', { state: 'changed elsewhere' });
    const { result } = renderHook(() => useStoreMutation<{ state: string }>('bookings'), {
      wrapper: wrapperFor(host),
    });
    let outcome: unknown = 'unset';
    await act(async () => {
      outcome = await result.current.put('doc-1', { state: 'mine' }, { ifVersion: 1 });
    });
    expect(outcome).toBeUndefined();
    expect(result.current.error).toMatchObject({ code: 'SHELL_ERR_VERSION_CONFLICT', status: 409 });
  });

  it('a denied write lands in error; the next successful call clears it', async () => {
    const host = createMockHost({ capabilities: ['store.read'] });
    const { result } = renderHook(() => useStoreMutation('bookings'), { wrapper: wrapperFor(host) });
    let removed: boolean | undefined;
    await act(async () => {
      removed = await result.current.remove('doc-1');
    });
    expect(removed).toBe(false);
    expect(result.current.error).toMatchObject({
      code: 'SDK_ERR_CAPABILITY_DENIED',
      capability: 'store.write',
    });

    const granted = createMockHost();
    const second = renderHook(() => useStoreMutation('bookings'), { wrapper: wrapperFor(granted) });
    granted.failNext('store.create');
    await act(async () => {
      await second.result.current.create({});
    });
    expect(second.result.current.error).toMatchObject({ code: 'SDK_ERR_NETWORK' });
    await act(async () => {
      await second.result.current.create({});
    });
    expect(second.result.current.error).toBeNull();
  });
});
