/** Elderly mode (长辈版): read it, switch it, re-render when anything switches it. */
import { useCallback, useSyncExternalStore } from 'react';
import { useHost } from './useHost.js';

/**
 * @example
 * const [elderly, setElderly] = useElderlyMode();
 * <Switch checked={elderly} onChange={setElderly} />
 */
export function useElderlyMode(): [elderly: boolean, setElderly: (elderly: boolean) => void] {
  const { elderly } = useHost();
  const value = useSyncExternalStore(elderly.subscribe, elderly.get, elderly.get);
  const set = useCallback((next: boolean) => elderly.set(next), [elderly]);
  return [value, set];
}
