/**
 * Tarballs of the uplink: fetched on first request, checked against the digest the uplink's packument
 * gives, stored in the uplink cache's blob store and kept for good (a published version never changes,
 * so a verified copy never goes stale). A tarball that does not match is refused, stored nowhere and
 * written to the audit log: either the uplink or the way to it serves something other than what it
 * published.
 */

import { regError } from '../../errors.js';
import type { AuditLog, UplinkCacheStore } from '../../storage/types.js';
import type { ReadContext, TarballAnswer } from '../package-source.js';
import { type UplinkClient, UplinkFailure } from './client.js';
import { digestOf, expectedDigest } from './integrity.js';
import type { UplinkPackuments } from './packuments.js';
import { SingleFlight } from './single-flight.js';

export class UplinkTarballs {
  private readonly flights = new SingleFlight();

  constructor(
    private readonly cache: UplinkCacheStore,
    private readonly client: UplinkClient,
    private readonly packuments: UplinkPackuments,
    private readonly audit: AuditLog,
  ) {}

  /** The tarball of `name@version`, or null when the uplink has no such version. */
  async get(name: string, version: string, ctx: ReadContext): Promise<TarballAnswer | null> {
    const kept = await this.cache.getTarball(name, version);
    const body = kept ? await this.cache.blobs.get(kept.blobSha256) : null;
    if (kept && body) {
      return { body, size: kept.size, etag: `"${kept.blobSha256}"`, headers: this.headers('hit') };
    }
    return this.flights.run(`${name}@${version}`, () => this.fetch(name, version, ctx));
  }

  private headers(state: 'hit' | 'miss'): Record<string, string> {
    return { 'x-cunmen-uplink': state };
  }

  private async fetch(name: string, version: string, ctx: ReadContext): Promise<TarballAnswer | null> {
    const dist = await this.packuments.dist(name, version, ctx);
    if (!dist) return null;
    const spec = `${name}@${version}`;
    const expected = expectedDigest(dist);
    if (!expected) {
      throw regError('REG_ERR_UPLINK_INTEGRITY', `the uplink's packument gives no integrity for ${spec}`);
    }
    if (!/^https?:\/\//.test(dist.tarball)) {
      throw regError('REG_ERR_UPLINK_UNAVAILABLE', `the uplink's tarball URL for ${spec} is not http(s)`);
    }
    const started = Date.now();
    let bytes: Buffer | null;
    try {
      bytes = await this.client.tarball(dist.tarball, ctx.via);
    } catch (err) {
      if (err instanceof UplinkFailure) throw err.toRegistryError();
      throw err;
    }
    if (!bytes) {
      throw regError(
        'REG_ERR_UPLINK_UNAVAILABLE',
        `the uplink lists ${spec} but has no tarball at ${dist.tarball}`,
      );
    }
    const actual = digestOf(bytes, expected.algorithm);
    if (actual !== expected.sri) {
      const detail = { url: dist.tarball, expected: expected.sri, actual, bytes: bytes.length };
      ctx.log.error({ uplink: 'integrity', name, version, ...detail }, `uplink tarball of ${spec} refused`);
      await this.audit.append({
        actor: 'uplink',
        action: 'uplink.tarball-refused',
        subject: spec,
        detail,
        ip: ctx.ip,
      });
      throw regError(
        'REG_ERR_UPLINK_INTEGRITY',
        `the tarball of ${spec} from the uplink hashes to ${actual}, not ${expected.sri}; it was not stored`,
      );
    }
    const blob = await this.cache.blobs.put(bytes);
    await this.cache.putTarball({
      name,
      version,
      blobSha256: blob.sha256,
      size: blob.size,
      integrity: expected.sri,
      sourceUrl: dist.tarball,
      fetchedAt: new Date().toISOString(),
    });
    ctx.log.info(
      { uplink: 'miss', name, version, bytes: blob.size, ms: Date.now() - started },
      `uplink: fetched and verified the tarball of ${spec}`,
    );
    return { body: bytes, size: blob.size, etag: `"${blob.sha256}"`, headers: this.headers('miss') };
  }
}
