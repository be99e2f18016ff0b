// @vitest-environment happy-dom
import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostApi } from '../core/host-api.js';
import type { Page, StoredDoc } from '../core/types.js';
import { createMockHost, type MockHost } from '../testing/mock-host.js';
import { HostProvider } from './HostProvider.js';
import { useStoreList } from './useStoreList.js';
import { useStoreMutation } from './useStoreMutation.js';

afterEach(cleanup);

function wrapperFor(host: MockHost) {
  return ({ children }: { children: ReactNode }) => <HostProvider host={host}>{children}</HostProvider>;
}

const numbers = (items: StoredDoc<{ n: number }>[]) => items.map((d) => d.data.n);

describe('useStoreList', () => {
  it('loads the first page, then more, until there is no more', async () => {
    const host = createMockHost();
    host.seed(
      'bookings',
      [1, 2, 3, 4, 5].map((n) => ({ n })),
    );
    const { result } = renderHook(() => useStoreList<{ n: number }>('bookings', { limit: 2 }), {
      wrapper: wrapperFor(host),
    });
    expect(result.current.loading).toBe(true);
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(numbers(result.current.items)).toEqual([5, 4]);
    expect(result.current.hasMore).toBe(true);

    await act(() => result.current.loadMore());
    expect(numbers(result.current.items)).toEqual([5, 4, 3, 2]);
    await act(() => result.current.loadMore());
    expect(numbers(result.current.items)).toEqual([5, 4, 3, 2, 1]);
    expect(result.current.hasMore).toBe(false);

    const listCalls = host.calls.length;
    await act(() => result.current.loadMore());
    expect(host.calls.length).toBe(listCalls);
  });

  it('a second loadMore while one is loading does nothing', async () => {
    const host = createMockHost({ latencyMs: 5 });
    host.seed(
      'bookings',
      [1, 2, 3, 4, 5].map((n) => ({ n })),
    );
    const { result } = renderHook(() => useStoreList<{ n: number }>('bookings', { limit: 2 }), {
      wrapper: wrapperFor(host),
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    await act(() => Promise.all([result.current.loadMore(), result.current.loadMore()]));
    expect(numbers(result.current.items)).toEqual([5, 4, 3, 2]);
  });

  it('shows a capability denial as error', async () => {
    const host = createMockHost({ capabilities: [] });
    const { result } = renderHook(() => useStoreList('bookings'), { wrapper: wrapperFor(host) });
    await waitFor(() => expect(result.current.loading).toBe(false));
    expect(result.current.error).toMatchObject({
      code: 'SDK_ERR_CAPABILITY_DENIED',
      capability: 'store.read',
    });
    expect(result.current.items).toEqual([]);
  });

  it('reloads after a useStoreMutation write to the same collection', async () => {
    const host = createMockHost();
    const { result } = renderHook(
      () => ({
        list: useStoreList<{ n: number }>('bookings'),
        other: useStoreList('other'),
        write: useStoreMutation<{ n: number }>('bookings'),
      }),
      { wrapper: wrapperFor(host) },
    );
    await waitFor(() => expect(result.current.list.loading).toBe(false));
    const otherLists = () =>
      host.calls.filter((c) => c.method === 'store.list' && c.args[0] === 'other').length;
    const before = otherLists();
    await act(async () => {
      await result.current.write.create({ n: 1 });
    });
    await waitFor(() => expect(numbers(result.current.list.items)).toEqual([1]));
    expect(otherLists()).toBe(before);
  });

  it('reload fetches the first page again', async () => {
    const host = createMockHost();
    const { result } = renderHook(() => useStoreList<{ n: number }>('bookings'), {
      wrapper: wrapperFor(host),
    });
    await waitFor(() => expect(result.current.loading).toBe(false));
    await host.api.store.create('bookings', { n: 7 });
    await act(() => result.current.reload());
    expect(numbers(result.current.items)).toEqual([7]);
  });

  it('ignores a slow answer for a collection it no longer shows', async () => {
    const host = createMockHost();
    const resolvers: Array<(page: Page<StoredDoc<unknown>>) => void> = [];
    const slow: MockHost = {
      ...host,
      api: {
        ...host.api,
        store: {
          ...host.api.store,
          list: (() =>
            new Promise<Page<StoredDoc<unknown>>>((resolve) =>
              resolvers.push(resolve),
            )) as HostApi['store']['list'],
        },
      },
    };
    const doc = (id: string) => ({ id, data: {}, version: 1, createdAt: '', updatedAt: '' });
    const { result, rerender } = renderHook(({ collection }) => useStoreList(collection), {
      wrapper: wrapperFor(slow),
      initialProps: { collection: 'first' },
    });
    rerender({ collection: 'second' });
    await waitFor(() => expect(resolvers).toHaveLength(2));
    await act(async () => resolvers[1]?.({ items: [doc('from-second')], nextCursor: null }));
    await act(async () => resolvers[0]?.({ items: [doc('from-first')], nextCursor: null }));
    expect(result.current.items.map((d) => d.id)).toEqual(['from-second']);
  });
});
