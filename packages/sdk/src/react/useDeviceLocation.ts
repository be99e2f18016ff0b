/** The device location, on the resident's request (needs `location.read`). */
import { useCallback } from 'react';
import { HostError } from '../core/errors.js';
import type { GeoPoint } from '../core/location.js';
import { useTracked } from './use-tracked.js';
import { useHost } from './useHost.js';

export interface DeviceLocationRequest {
  /** Resolves the position, or `undefined` when it could not be had (see `error`); never rejects. */
  locate(options?: { timeoutMs?: number }): Promise<GeoPoint | undefined>;
  pending: boolean;
  error: HostError | null;
  clearError(): void;
}

/**
 * Call `locate` from a button the resident pressed: browsers ask for permission then, and a location
 * nobody asked for must not be taken.
 *
 * @example
 * const { locate, pending, error } = useDeviceLocation();
 * <Button loading={pending} onClick={async () => setPlace(await locate())}>添加我的位置</Button>
 */
export function useDeviceLocation(): DeviceLocationRequest {
  const host = useHost();
  const { track, pending, error, clearError } = useTracked();
  const locate = useCallback(
    async (options?: { timeoutMs?: number }) => {
      const outcome = await track(() =>
        host.location
          ? host.location.request(options)
          : Promise.reject(
              new HostError({
                code: 'SDK_ERR_LOCATION_UNAVAILABLE',
                detail: 'This host offers no device location.',
              }),
            ),
      );
      return outcome.ok ? outcome.value : undefined;
    },
    [host, track],
  );
  return { locate, pending, error, clearError };
}
