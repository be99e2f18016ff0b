/** A paged list of the widget's documents in one collection (needs `store.read`). */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type HostError, toHostError } from '../core/errors.js';
import type { StoredDoc } from '../core/types.js';
import { onCollectionChange } from './collection-changes.js';
import { useHost } from './useHost.js';

export interface StoreListOptions {
  /** Page size, 1–100, default 20. */
  limit?: number;
}

export interface StoreList<T> {
  /** Newest first; pages appended by `loadMore`. */
  items: StoredDoc<T>[];
  loading: boolean;
  error: HostError | null;
  hasMore: boolean;
  /** Loads the next page (does nothing while loading or when there is none). */
  loadMore(): Promise<void>;
  /** Reloads from the first page. Also happens after a `useStoreMutation` write to the same collection. */
  reload(): Promise<void>;
}

interface ListState<T> {
  items: StoredDoc<T>[];
  cursor: string | null;
  hasMore: boolean;
  loading: boolean;
  error: HostError | null;
}

const initial = { items: [], cursor: null, hasMore: false, loading: true, error: null };

/**
 * @example
 * const { items, loading, error, hasMore, loadMore } = useStoreList<Booking>('bookings', { limit: 10 });
 */
export function useStoreList<T = unknown>(collection: string, options: StoreListOptions = {}): StoreList<T> {
  const { api } = useHost();
  const limit = options.limit;
  const [state, setState] = useState<ListState<T>>(initial);
  const current = useRef<ListState<T>>(initial);
  const generation = useRef(0);

  const update = useCallback((next: (previous: ListState<T>) => ListState<T>) => {
    current.current = next(current.current);
    setState(current.current);
  }, []);

  const load = useCallback(
    async (mode: 'first' | 'more') => {
      if (mode === 'more' && (current.current.loading || !current.current.hasMore)) return;
      const run = mode === 'first' ? ++generation.current : generation.current;
      const cursor = mode === 'first' ? null : current.current.cursor;
      update((s) => ({ ...s, loading: true, error: null }));
      try {
        const page = await api.store.list<T>(collection, { cursor, limit });
        if (run !== generation.current) return;
        update((s) => ({
          items: mode === 'first' ? page.items : [...s.items, ...page.items],
          cursor: page.nextCursor,
          hasMore: page.nextCursor !== null,
          loading: false,
          error: null,
        }));
      } catch (error) {
        if (run !== generation.current) return;
        update((s) => ({ ...s, loading: false, error: toHostError(error) }));
      }
    },
    [api, collection, limit, update],
  );

  useEffect(() => {
    update(() => initial);
    void load('first');
    const stop = onCollectionChange(api, collection, () => void load('first'));
    return () => {
      stop();
      generation.current++;
    };
  }, [api, collection, load, update]);

  const loadMore = useCallback(() => load('more'), [load]);
  const reload = useCallback(() => load('first'), [load]);
  const { items, loading, error, hasMore } = state;
  return { items, loading, error, hasMore, loadMore, reload };
}
