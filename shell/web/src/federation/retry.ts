/**
 * MF runtime plugin: a remote entry that fails to load (network error, 404, or the per-script timeout
 * set by the integrity plugin) is fetched again with backoff, unless `retriable` says the entry would
 * only be refused again (an unsigned script). Chunk failures surface in `errorLoadRemote` (see fallback.ts) and the slot's retry button.
 */
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';

export interface RetryOptions {
  /** Extra attempts after the first (default 2). */
  retries?: number;
  /** Delay before retry n (0-based), ms; default 500 · 3ⁿ (500, 1500). */
  backoffMs?: (attempt: number) => number;
  sleep?: (ms: number) => Promise<void>;
  /**
   * Whether a failed remote entry may be fetched again (default: always). The portal answers false for
   * an entry outside the signed assets, which the integrity plugin refuses every time.
   */
  retriable?: (entry: string) => boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function retryPlugin(options: RetryOptions = {}): ModuleFederationRuntimePlugin {
  const retries = options.retries ?? 2;
  const backoff = options.backoffMs ?? ((attempt: number) => 500 * 3 ** attempt);
  const sleep = options.sleep ?? defaultSleep;
  type LoadEntryError = NonNullable<ModuleFederationRuntimePlugin['loadEntryError']>;
  const loadEntryError = async ({
    getRemoteEntry,
    origin,
    remoteInfo,
    globalLoading,
    uniqueKey,
  }: Parameters<LoadEntryError>[0]) => {
    let lastError: unknown;
    // The runtime has already rethrown the first failure under its own code (RUNTIME-008), so the
    // decision rests on the entry itself, not on the text of an error.
    const attempts = options.retriable?.(remoteInfo.entry) === false ? 0 : retries;
    for (let attempt = 0; attempt < attempts; attempt++) {
      await sleep(backoff(attempt));
      // The failed attempt's promise is still registered under this key; drop it, or the retry would
      // await itself.
      delete globalLoading[uniqueKey];
      try {
        const exports = await getRemoteEntry({ origin, remoteInfo, remoteEntryExports: undefined });
        if (exports) return exports;
      } catch (error) {
        lastError = error;
      }
    }
    if (lastError !== undefined) throw lastError;
    return undefined;
  };
  // The hook's declared return type nests a promise the runtime awaits anyway.
  return { name: 'cunmen-retry', loadEntryError: loadEntryError as unknown as LoadEntryError };
}
