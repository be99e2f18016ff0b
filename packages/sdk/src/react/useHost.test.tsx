// @vitest-environment happy-dom
import { cleanup, render, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMockHost, type MockHost } from '../testing/mock-host.js';
import { HostProvider } from './HostProvider.js';
import { useCapability } from './useCapability.js';
import { useConfig } from './useConfig.js';
import { useHost } from './useHost.js';
import { useLocale } from './useLocale.js';
import { useNavigate } from './useNavigate.js';
import { useUser } from './useUser.js';
import { useVillage } from './useVillage.js';

afterEach(cleanup);

function Widget() {
  useVillage();
  return null;
}

function wrapperFor(host: MockHost) {
  return ({ children }: { children: ReactNode }) => <HostProvider host={host}>{children}</HostProvider>;
}

describe('useHost', () => {
  it('outside a provider throws SDK_ERR_NO_HOST saying what to do', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    let thrown: unknown;
    try {
      render(<Widget />);
    } catch (error) {
      thrown = error;
    }
    spy.mockRestore();
    expect(thrown).toMatchObject({ name: 'HostError', code: 'SDK_ERR_NO_HOST' });
    expect((thrown as Error).message).toContain('<HostProvider>');
    expect((thrown as Error).message).toContain('renderWithHost');
    expect((thrown as { detail: string }).detail).toMatch(/outside <HostProvider>/);
  });

  it('inside a provider returns the host', () => {
    const host = createMockHost();
    const { result } = renderHook(() => useHost(), { wrapper: wrapperFor(host) });
    expect(result.current).toBe(host);
  });
});

describe('context hooks', () => {
  it('read village, user, config and locale from the host', () => {
    const host = createMockHost({ config: { pickupDays: ['周二'] }, locale: 'en' });
    const { result } = renderHook(
      () => ({
        village: useVillage(),
        user: useUser(),
        config: useConfig<{ pickupDays: string[] }>(),
        locale: useLocale(),
      }),
      { wrapper: wrapperFor(host) },
    );
    expect(result.current.village.code).toBe('330521001001');
    expect(result.current.user?.role).toBe('resident');
    expect(result.current.config.pickupDays).toEqual(['周二']);
    expect(result.current.locale).toBe('en');
  });

  it('useCapability reflects the granted capabilities', () => {
    const host = createMockHost({ capabilities: ['store.read'] });
    const { result } = renderHook(() => [useCapability('store.read'), useCapability('store.write')], {
      wrapper: wrapperFor(host),
    });
    expect(result.current).toEqual([true, false]);
  });

  it('useNavigate navigates the host', () => {
    const host = createMockHost();
    const { result } = renderHook(() => useNavigate(), { wrapper: wrapperFor(host) });
    result.current('/w/waste');
    expect(host.navigations).toEqual(['/w/waste']);
  });
});
