/**
 * Internal: tells `useStoreList`s on the same host that a `useStoreMutation` changed a collection, so
 * lists refresh after a write without the widget wiring it up.
 */
import type { HostApi } from '../core/host-api.js';

/** The channel of module routes: any successful module write reloads every module query. */
export const MODULE_CHANNEL = '\u0000module';

const channels = new WeakMap<HostApi, Map<string, Set<() => void>>>();

export function onCollectionChange(api: HostApi, collection: string, listener: () => void): () => void {
  let byCollection = channels.get(api);
  if (!byCollection) {
    byCollection = new Map();
    channels.set(api, byCollection);
  }
  let listeners = byCollection.get(collection);
  if (!listeners) {
    listeners = new Set();
    byCollection.set(collection, listeners);
  }
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function notifyCollectionChange(api: HostApi, collection: string): void {
  const listeners = channels.get(api)?.get(collection);
  if (listeners) for (const listener of Array.from(listeners)) listener();
}
