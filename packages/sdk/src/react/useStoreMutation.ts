/** Create, replace and remove the widget's documents in one collection (needs `store.write`). */
import { useCallback } from 'react';
import type { HostError } from '../core/errors.js';
import type { PutOptions } from '../core/host-api.js';
import type { StoredDoc } from '../core/types.js';
import { notifyCollectionChange } from './collection-changes.js';
import { useTracked } from './use-tracked.js';
import { useHost } from './useHost.js';

export interface StoreMutation<T> {
  /** Resolves the new document, or `undefined` on failure (see `error`). */
  create(data: T): Promise<StoredDoc<T> | undefined>;
  /** Resolves the written document, or `undefined` on failure (a version conflict is `SHELL_ERR_VERSION_CONFLICT`). */
  put(id: string, data: T, options?: PutOptions): Promise<StoredDoc<T> | undefined>;
  /** Resolves `true` once removed, `false` on failure. */
  remove(id: string): Promise<boolean>;
  pending: boolean;
  error: HostError | null;
}

/**
 * Successful writes make every `useStoreList` of the same collection reload.
 *
 * @example
 * const { create, pending, error } = useStoreMutation<Booking>('bookings');
 * const doc = await create({ date, kind: 'bulky' });
 */
export function useStoreMutation<T = unknown>(collection: string): StoreMutation<T> {
  const { api } = useHost();
  const { track, pending, error } = useTracked();

  const create = useCallback(
    async (data: T) => {
      const outcome = await track(() => api.store.create<T>(collection, data));
      if (!outcome.ok) return undefined;
      notifyCollectionChange(api, collection);
      return outcome.value;
    },
    [api, collection, track],
  );
  const put = useCallback(
    async (id: string, data: T, options?: PutOptions) => {
      const outcome = await track(() => api.store.put<T>(collection, id, data, options));
      if (!outcome.ok) return undefined;
      notifyCollectionChange(api, collection);
      return outcome.value;
    },
    [api, collection, track],
  );
  const remove = useCallback(
    async (id: string) => {
      const outcome = await track(() => api.store.remove(collection, id));
      if (!outcome.ok) return false;
      notifyCollectionChange(api, collection);
      return true;
    },
    [api, collection, track],
  );
  return { create, put, remove, pending, error };
}
