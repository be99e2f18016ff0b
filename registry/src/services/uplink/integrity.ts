/**
 * What a tarball from the uplink must hash to: the strongest digest its packument gives — sha512 from
 * `dist.integrity`, or, for packages published before npm recorded integrity (2017), sha1 from
 * `dist.shasum`, which is what npm itself checks for them.
 */
import { createHash } from 'node:crypto';

export interface ExpectedDigest {
  algorithm: 'sha512' | 'sha1';
  /** `sha512-<base64>` or `sha1-<base64>` */
  sri: string;
}

/** The digest to check a tarball against, or null when the packument gives none usable. */
export function expectedDigest(dist: { integrity?: unknown; shasum?: unknown }): ExpectedDigest | null {
  if (typeof dist.integrity === 'string') {
    // An SRI string may list several hashes, each with options after `?`.
    for (const part of dist.integrity.trim().split(/\s+/)) {
      const m = /^sha512-([A-Za-z0-9+/]{86}==)(?:\?.*)?$/.exec(part);
      if (m) return { algorithm: 'sha512', sri: `sha512-${m[1]}` };
    }
  }
  if (typeof dist.shasum === 'string' && /^[0-9a-f]{40}$/i.test(dist.shasum)) {
    return { algorithm: 'sha1', sri: `sha1-${Buffer.from(dist.shasum, 'hex').toString('base64')}` };
  }
  return null;
}

/** The SRI of `bytes` under the expected algorithm. */
export function digestOf(bytes: Uint8Array, algorithm: ExpectedDigest['algorithm']): string {
  return `${algorithm}-${createHash(algorithm).update(bytes).digest('base64')}`;
}
