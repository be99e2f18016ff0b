// @vitest-environment happy-dom
import { act, cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createEventHub } from '../core/events.js';
import { createMockHost, type MockHost } from '../testing/mock-host.js';
import { HostProvider } from './HostProvider.js';
import { useEvent } from './useEvent.js';
import { usePublish } from './usePublish.js';

declare module '@cunmen/sdk' {
  interface CunmenEvents {
    'waste.booked': { id: string };
  }
}

afterEach(cleanup);

function wrapperFor(host: MockHost) {
  return ({ children }: { children: ReactNode }) => <HostProvider host={host}>{children}</HostProvider>;
}

describe('useEvent / usePublish', () => {
  it('delivers between two widgets, calls the latest handler, and unsubscribes on unmount', () => {
    const hub = createEventHub();
    const publisher = createMockHost({
      eventHub: hub,
      widget: { name: '@deqing/a' },
      capabilities: ['events.publish'],
    });
    const listener = createMockHost({ eventHub: hub, widget: { name: '@deqing/b' }, capabilities: [] });
    const first = vi.fn();
    const second = vi.fn();
    const sub = renderHook(({ handler }) => useEvent('waste.booked', handler), {
      wrapper: wrapperFor(listener),
      initialProps: { handler: first },
    });
    const pub = renderHook(() => usePublish(), { wrapper: wrapperFor(publisher) });

    act(() => pub.result.current('waste.booked', { id: 'b1' }));
    expect(first).toHaveBeenCalledWith({ id: 'b1' }, { name: 'waste.booked', source: '@deqing/a' });

    sub.rerender({ handler: second });
    act(() => pub.result.current('waste.booked', { id: 'b2' }));
    expect(second).toHaveBeenCalledWith({ id: 'b2' }, expect.anything());
    expect(first).toHaveBeenCalledTimes(1);

    sub.unmount();
    act(() => pub.result.current('waste.booked', { id: 'b3' }));
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('usePublish throws CapabilityDeniedError without events.publish', () => {
    const host = createMockHost({ capabilities: [] });
    const { result } = renderHook(() => usePublish(), { wrapper: wrapperFor(host) });
    expect(() => result.current('waste.booked', { id: 'b1' })).toThrow(
      expect.objectContaining({ code: 'SDK_ERR_CAPABILITY_DENIED', capability: 'events.publish' }),
    );
  });
});
