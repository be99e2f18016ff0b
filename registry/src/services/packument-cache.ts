/**
 * Serialised packuments, cached per package and keyed on its `revision` (bumped by triggers on every
 * visible change, whichever process made it). A request costs one indexed lookup of the revision and,
 * on a hit, no work proportional to the package's history: the JSON bytes, their ETag and their gzip
 * are made once per revision.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Storage } from '../storage/types.js';
import { abbreviate, buildPackument } from './packument.js';

export interface SerialisedDocument {
  body: Buffer;
  etag: string;
  /** gzip of `body`, made on first use. */
  gzip(): Buffer;
}

export interface CachedPackument {
  revision: number;
  doc: Record<string, unknown>;
  full: SerialisedDocument;
  short: SerialisedDocument;
}

/** JSON bytes with their ETag, and their gzip made on first use. */
export function serialise(value: unknown): SerialisedDocument {
  const body = Buffer.from(JSON.stringify(value));
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  let gz: Buffer | null = null;
  return {
    body,
    etag,
    gzip: () => {
      gz ??= gzipSync(body);
      return gz;
    },
  };
}

export class PackumentCache {
  private readonly entries = new Map<string, CachedPackument>();

  constructor(
    private readonly storage: Storage,
    private readonly publicUrl: string,
    private readonly maxEntries = 2000,
  ) {}

  /** The package's packument as readers see it, or null when it has no approved version. */
  async get(name: string): Promise<CachedPackument | null> {
    const pkg = await this.storage.packages.getPackage(name);
    if (!pkg) return null;
    const cached = this.entries.get(name);
    if (cached && cached.revision === pkg.revision) {
      // Re-insert to keep the Map in least-recently-used order.
      this.entries.delete(name);
      this.entries.set(name, cached);
      return cached;
    }
    const doc = await buildPackument(this.storage, this.publicUrl, name);
    if (!doc) {
      this.entries.delete(name);
      return null;
    }
    const entry: CachedPackument = {
      revision: pkg.revision,
      doc,
      full: serialise(doc),
      short: serialise(abbreviate(doc)),
    };
    this.entries.set(name, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }
}
