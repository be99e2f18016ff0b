/**
 * The uplink as a {@link PackageSource}: packuments, version documents and tarballs of the names this
 * registry does not own (see `policy.ts`), from the uplink cache or the uplink. An owned name is
 * answered null at once — a plain 404 — and the uplink never hears of it.
 */
import { randomBytes } from 'node:crypto';
import { regError } from '../../errors.js';
import type { PackumentForm, Storage } from '../../storage/types.js';
import {
  type PackageSource,
  type PackumentAnswer,
  pickVersion,
  type ReadContext,
  type TarballAnswer,
  versionOfTarball,
} from '../package-source.js';
import { UplinkClient } from './client.js';
import { type CacheState, UplinkPackuments } from './packuments.js';
import { whyNotProxied } from './policy.js';
import { UplinkTarballs } from './tarballs.js';

export interface UplinkOptions {
  /** Base URL of the registry to proxy, e.g. `https://registry.npmjs.org/` or a government mirror. */
  url: string;
  /** How long the uplink may stay silent (no headers, no next chunk) before a request fails; ms. */
  timeoutMs: number;
  /** How long a packument is served from the cache before the uplink is asked again; seconds. */
  maxAgeSeconds: number;
}

export const DEFAULT_UPLINK_TIMEOUT_MS = 30_000;
export const DEFAULT_UPLINK_MAX_AGE_SECONDS = 300;

function stateHeaders(state: CacheState): Record<string, string> {
  const headers: Record<string, string> = { 'x-cunmen-uplink': state };
  // RFC 9111 withdrew Warning, but caches and people still read it; the state header is what tests use.
  if (state === 'stale') headers.warning = '110 cunmen-registry "Response is Stale"';
  return headers;
}

export class UplinkPackages implements PackageSource {
  /** This process's name in `Via`, to notice a chain of uplinks that leads back here. */
  private readonly via = `1.1 cunmen-registry-${randomBytes(6).toString('hex')}`;
  private readonly packuments: UplinkPackuments;
  private readonly tarballs: UplinkTarballs;

  constructor(
    private readonly storage: Storage,
    options: UplinkOptions & { publicUrl: string },
  ) {
    const client = new UplinkClient({ url: options.url, timeoutMs: options.timeoutMs, via: this.via });
    const cache = storage.uplinkCache;
    this.packuments = new UplinkPackuments(cache, client, {
      publicUrl: options.publicUrl,
      maxAgeMs: options.maxAgeSeconds * 1000,
    });
    this.tarballs = new UplinkTarballs(cache, client, this.packuments, storage.audit);
  }

  async packument(name: string, form: PackumentForm, ctx: ReadContext): Promise<PackumentAnswer | null> {
    if (!(await this.mayProxy(name, ctx))) return null;
    const served = await this.packuments.get(name, form, ctx);
    return served && { document: served.document, headers: stateHeaders(served.state) };
  }

  async version(name: string, spec: string, ctx: ReadContext): Promise<Record<string, unknown> | null> {
    if (!(await this.mayProxy(name, ctx))) return null;
    const served = await this.packuments.get(name, 'full', ctx);
    return served && pickVersion(JSON.parse(served.document.body.toString('utf8')), spec);
  }

  async tarball(name: string, file: string, ctx: ReadContext): Promise<TarballAnswer | null> {
    const version = versionOfTarball(name, file);
    if (version === null || !(await this.mayProxy(name, ctx))) return null;
    return this.tarballs.get(name, version, ctx);
  }

  private async mayProxy(name: string, ctx: ReadContext): Promise<boolean> {
    if ((await whyNotProxied(this.storage, name)) !== null) return false;
    if (ctx.via?.includes(this.via.slice('1.1 '.length))) {
      throw regError(
        'REG_ERR_UPLINK_UNAVAILABLE',
        `the uplink chain leads back to this registry (Via: ${ctx.via}); check --uplink`,
      );
    }
    return true;
  }
}
