/** Whether the widget was granted a capability — to hide what it cannot do. */
import type { Capability } from '@cunmen/manifest';
import { hasCapability } from '../core/host.js';
import { useHost } from './useHost.js';

/** @example const canUpload = useCapability('media.upload'); */
export function useCapability(capability: Capability): boolean {
  return hasCapability(useHost(), capability);
}
