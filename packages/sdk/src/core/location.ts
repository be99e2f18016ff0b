/**
 * The device location, for widgets granted `location.read` (a complaint's place, a farm plot). It stays
 * in the browser: the shell asks the browser, which asks the resident; nothing reaches the server unless
 * the widget sends it. A refusal or a failed fix is a `HostError` the widget shows, never a crash.
 */
import type { Capability } from '@cunmen/manifest';
import { CapabilityDeniedError, HostError } from './errors.js';

export interface GeoPoint {
  /** WGS-84 degrees, rounded to 6 decimals (about 0.1 m). */
  lat: number;
  lng: number;
  /** Metres, as the device reports it. */
  accuracy: number;
}

export interface DeviceLocation {
  /** Needs `location.read`. Asks the browser (and so the resident) for the current position. */
  request(options?: { timeoutMs?: number }): Promise<GeoPoint>;
}

type Geolocation = Pick<globalThis.Geolocation, 'getCurrentPosition'>;

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** The browser's geolocation behind the capability check; `geolocation` is injectable for tests. */
export function createDeviceLocation(
  capabilities: readonly Capability[],
  geolocation: Geolocation | undefined = typeof navigator === 'undefined' ? undefined : navigator.geolocation,
): DeviceLocation {
  return {
    request(options = {}) {
      if (!capabilities.includes('location.read')) {
        return Promise.reject(new CapabilityDeniedError('location.read'));
      }
      if (!geolocation) {
        return Promise.reject(
          new HostError({ code: 'SDK_ERR_LOCATION_UNAVAILABLE', detail: 'This browser has no geolocation.' }),
        );
      }
      const timeout = options.timeoutMs ?? 15_000;
      return new Promise<GeoPoint>((resolve, reject) => {
        geolocation.getCurrentPosition(
          (position) =>
            resolve({
              lat: round(position.coords.latitude),
              lng: round(position.coords.longitude),
              accuracy: Math.round(position.coords.accuracy),
            }),
          (error) =>
            reject(
              new HostError({
                code: error.code === 1 ? 'SDK_ERR_LOCATION_DENIED' : 'SDK_ERR_LOCATION_UNAVAILABLE',
                detail: `geolocation error ${error.code}: ${error.message}`,
              }),
            ),
          { enableHighAccuracy: true, timeout, maximumAge: 60_000 },
        );
      });
    },
  };
}
