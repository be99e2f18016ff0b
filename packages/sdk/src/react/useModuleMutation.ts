/** Writes to the widget's own standard-module routes (needs `module.api`). */
import { useCallback } from 'react';
import type { HostError } from '../core/errors.js';
import type { ModuleMethod } from '../core/host-api.js';
import { MODULE_CHANNEL, notifyCollectionChange } from './collection-changes.js';
import { useTracked } from './use-tracked.js';
import { useHost } from './useHost.js';

export interface ModuleMutation {
  /** Resolves the answer, or `undefined` on failure (see `error`); never rejects. */
  request<T = unknown>(method: ModuleMethod, path: string, body?: unknown): Promise<T | undefined>;
  upload<T = unknown>(path: string, file: Blob, options?: { filename?: string }): Promise<T | undefined>;
  pending: boolean;
  error: HostError | null;
  clearError(): void;
}

/**
 * A successful call makes every `useModuleQuery` of the widget reload.
 *
 * @example
 * const { request, pending, error } = useModuleMutation();
 * const created = await request<Case>('POST', '/cases', { category, text });
 */
export function useModuleMutation(): ModuleMutation {
  const { api } = useHost();
  const { track, pending, error, clearError } = useTracked();

  const request = useCallback(
    async <T>(method: ModuleMethod, path: string, body?: unknown) => {
      const outcome = await track(() => api.module.request<T>(method, path, body));
      if (!outcome.ok) return undefined;
      notifyCollectionChange(api, MODULE_CHANNEL);
      return outcome.value;
    },
    [api, track],
  );
  const upload = useCallback(
    async <T>(path: string, file: Blob, options?: { filename?: string }) => {
      const outcome = await track(() => api.module.upload<T>(path, file, options));
      if (!outcome.ok) return undefined;
      notifyCollectionChange(api, MODULE_CHANNEL);
      return outcome.value;
    },
    [api, track],
  );
  return { request, upload, pending, error, clearError };
}
