/** The village the portal belongs to. */
import type { Village } from '../core/types.js';
import { useHost } from './useHost.js';

/** @example const { name } = useVillage(); */
export function useVillage(): Village {
  return useHost().village;
}
