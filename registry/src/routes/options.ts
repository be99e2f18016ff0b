import type { ProvinceKeys } from '../services/keys.js';
import type { UplinkOptions } from '../services/uplink/index.js';
import type { Storage } from '../storage/types.js';

/** What every route plugin is registered with. */
export interface RouteOptions {
  storage: Storage;
  /** The registry's public base URL, e.g. `https://registry.example.gov.cn` (no trailing slash). */
  publicUrl: string;
  /**
   * Base URL of browser assets (no trailing slash): the cookie-less asset origin when one is configured,
   * else `publicUrl`. Release documents and the catalog build asset URLs from it.
   */
  assetUrl: string;
  /** Largest publish body accepted, in bytes. */
  maxPublishBytes: number;
  /** The province signing key. */
  keys: ProvinceKeys;
  /** The SDK range the province's shell supports. */
  supportedSdk: string;
  /** The province's limit on a widget's home route, gzip bytes. */
  homeRouteLimit: number;
  /** Origins allowed to read browser assets with CORS; empty means any. */
  shellOrigins: string[];
  /** The registry whose packages are proxied for names this one does not own; null for none. */
  uplink: UplinkOptions | null;
}
