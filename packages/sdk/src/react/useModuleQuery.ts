/** Reads from the widget's own standard-module routes (needs `module.api`). */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type HostError, toHostError } from '../core/errors.js';
import { MODULE_CHANNEL, onCollectionChange } from './collection-changes.js';
import { useHost } from './useHost.js';

export interface ModuleQuery<T> {
  /** The last answer; kept while a reload runs. */
  data: T | undefined;
  loading: boolean;
  error: HostError | null;
  reload(): Promise<void>;
}

/**
 * GETs `path` (relative to `/api/modules/<id>`), again whenever `path` changes and after every successful
 * `useModuleMutation` of the same widget. `null` skips the call.
 *
 * @example
 * const { data, loading, error } = useModuleQuery<{ items: Case[] }>('/cases/mine');
 */
export function useModuleQuery<T = unknown>(path: string | null): ModuleQuery<T> {
  const { api } = useHost();
  const [data, setData] = useState<T | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [error, setError] = useState<HostError | null>(null);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const run = ++generation.current;
    if (path === null) {
      setLoading(false);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      const answer = await api.module.request<T>('GET', path);
      if (run !== generation.current) return;
      setData(answer);
    } catch (thrown) {
      if (run !== generation.current) return;
      setError(toHostError(thrown));
    } finally {
      if (run === generation.current) setLoading(false);
    }
  }, [api, path]);

  useEffect(() => {
    void load();
    const stop = onCollectionChange(api, MODULE_CHANNEL, () => void load());
    return () => {
      generation.current += 1;
      stop();
    };
  }, [api, load]);

  return { data, loading, error, reload: load };
}
