// @vitest-environment happy-dom
/** useSubmitForm, useRequestPoints, useUpload: thin wrappers over the host API with pending/error/result. */
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createMockHost, type MockHost } from '../testing/mock-host.js';
import { HostProvider } from './HostProvider.js';
import { useRequestPoints } from './useRequestPoints.js';
import { useSubmitForm } from './useSubmitForm.js';
import { useUpload } from './useUpload.js';

afterEach(cleanup);

function wrapperFor(host: MockHost) {
  return ({ children }: { children: ReactNode }) => <HostProvider host={host}>{children}</HostProvider>;
}

describe('useSubmitForm', () => {
  it('submits, exposes the receipt, and reset clears it', async () => {
    const host = createMockHost();
    const { result } = renderHook(() => useSubmitForm('waste-pickup'), { wrapper: wrapperFor(host) });
    await act(async () => {
      await result.current.submit({ day: '周二' });
    });
    expect(result.current.result).toMatchObject({ id: 'submission-1' });
    expect(host.submissions).toEqual([
      expect.objectContaining({ formId: 'waste-pickup', data: { day: '周二' } }),
    ]);
    act(() => result.current.reset());
    expect(result.current.result).toBeNull();
  });

  it('a denial resolves undefined and shows the zh-CN message', async () => {
    const host = createMockHost({ capabilities: [] });
    const { result } = renderHook(() => useSubmitForm('waste-pickup'), { wrapper: wrapperFor(host) });
    let receipt: unknown = 'unset';
    await act(async () => {
      receipt = await result.current.submit({});
    });
    expect(receipt).toBeUndefined();
    expect(result.current.error?.message).toContain('form.submit');
    expect(result.current.result).toBeNull();
  });

  it('an invalid form id is an error, not a throw', async () => {
    const host = createMockHost();
    const { result } = renderHook(() => useSubmitForm('Bad Id'), { wrapper: wrapperFor(host) });
    await act(async () => {
      await result.current.submit({});
    });
    expect(result.current.error).toMatchObject({ code: 'SDK_ERR_INVALID_ARGUMENT' });
  });
});

describe('useRequestPoints', () => {
  it('requests points and exposes the pending receipt', async () => {
    const host = createMockHost();
    const { result } = renderHook(() => useRequestPoints(), { wrapper: wrapperFor(host) });
    await act(async () => {
      await result.current.request({ item: '垃圾分类', quantity: 1 });
    });
    expect(result.current.result).toMatchObject({ status: 'pending' });
    expect(host.pointsRequests).toHaveLength(1);
  });

  it('shows a denial', async () => {
    const host = createMockHost({ capabilities: ['form.submit'] });
    const { result } = renderHook(() => useRequestPoints(), { wrapper: wrapperFor(host) });
    await act(async () => {
      await result.current.request({ item: '垃圾分类' });
    });
    expect(result.current.error).toMatchObject({
      code: 'SDK_ERR_CAPABILITY_DENIED',
      capability: 'points.request',
    });
  });
});

describe('useUpload', () => {
  it("uploads, using the File's own name by default", async () => {
    const host = createMockHost();
    const { result } = renderHook(() => useUpload(), { wrapper: wrapperFor(host) });
    const file = new File(['jpeg'], '门前.jpg', { type: 'image/jpeg' });
    await act(async () => {
      await result.current.upload(file);
    });
    expect(result.current.result).toMatchObject({ id: 'media-1' });
    expect(host.uploads).toEqual([expect.objectContaining({ filename: '门前.jpg', type: 'image/jpeg' })]);
  });

  it('shows a denial', async () => {
    const host = createMockHost({ capabilities: [] });
    const { result } = renderHook(() => useUpload(), { wrapper: wrapperFor(host) });
    await act(async () => {
      await result.current.upload(new Blob(['x']), { filename: 'a.jpg' });
    });
    expect(result.current.error).toMatchObject({
      code: 'SDK_ERR_CAPABILITY_DENIED',
      capability: 'media.upload',
    });
  });
});
