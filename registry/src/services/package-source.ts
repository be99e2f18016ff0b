/**
 * Where a read of a package is answered from. The registry's own packages come first; a registry with
 * an uplink asks the uplink for the names it does not own. A source answers null for a package it does
 * not have, and the route tries the next one.
 */
import type { Readable } from 'node:stream';
import { BlobCache } from '../storage/blobs/blob-cache.js';
import type { PackumentForm, Storage } from '../storage/types.js';
import { PackumentCache, type SerialisedDocument } from './packument-cache.js';

/** The few log methods a source uses (pino's, as Fastify hands them to routes). */
export interface SourceLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What a source may know of the request it answers. */
export interface ReadContext {
  log: SourceLog;
  /** The client's address, for the audit log. */
  ip: string;
  /** The request's `Via` header: the proxies it passed, so a chain of uplinks cannot loop. */
  via?: string;
}

export interface PackumentAnswer {
  document: SerialisedDocument;
  /** Response headers that say where the answer came from (`x-cunmen-uplink: stale`). */
  headers: Record<string, string>;
}

export interface TarballAnswer {
  body: Buffer | Readable;
  size: number;
  etag: string;
  headers: Record<string, string>;
}

export interface PackageSource {
  packument(name: string, form: PackumentForm, ctx: ReadContext): Promise<PackumentAnswer | null>;
  /** One version's document, by version or dist-tag. */
  version(name: string, spec: string, ctx: ReadContext): Promise<Record<string, unknown> | null>;
  /** The tarball `<file>` (`<name without scope>-<version>.tgz`) of the package. */
  tarball(name: string, file: string, ctx: ReadContext): Promise<TarballAnswer | null>;
}

/** `find-machinery-1.2.0.tgz` of `@deqing/find-machinery` → `1.2.0`; null when the file is not one. */
export function versionOfTarball(name: string, file: string): string | null {
  const prefix = `${name.slice(name.indexOf('/') + 1)}-`;
  if (!file.startsWith(prefix) || !file.endsWith('.tgz')) return null;
  const version = file.slice(prefix.length, -'.tgz'.length);
  return version === '' ? null : version;
}

/** The version a packument's `dist-tags` or `versions` give for `spec`. */
export function pickVersion(doc: Record<string, unknown>, spec: string): Record<string, unknown> | null {
  const tags = (doc['dist-tags'] ?? {}) as Record<string, string>;
  const versions = (doc.versions ?? {}) as Record<string, Record<string, unknown>>;
  const version = Object.hasOwn(tags, spec) ? tags[spec] : spec;
  return version !== undefined && Object.hasOwn(versions, version) ? (versions[version] ?? null) : null;
}

/** The registry's own packages: approved versions only, from the packument and blob caches. */
export class LocalPackages implements PackageSource {
  private readonly packuments: PackumentCache;
  private readonly blobs: BlobCache;

  constructor(
    private readonly storage: Storage,
    publicUrl: string,
  ) {
    this.packuments = new PackumentCache(storage, publicUrl);
    this.blobs = new BlobCache(storage.blobs);
  }

  async packument(name: string, form: PackumentForm): Promise<PackumentAnswer | null> {
    const cached = await this.packuments.get(name);
    if (!cached) return null;
    return { document: form === 'abbreviated' ? cached.short : cached.full, headers: {} };
  }

  async version(name: string, spec: string): Promise<Record<string, unknown> | null> {
    const doc = (await this.packuments.get(name))?.doc;
    return doc ? pickVersion(doc, spec) : null;
  }

  async tarball(name: string, file: string): Promise<TarballAnswer | null> {
    const version = versionOfTarball(name, file);
    if (version === null) return null;
    const record = await this.storage.packages.getVersion(name, version);
    if (record?.status !== 'approved') return null;
    const body = await this.blobs.read(record.blobSha256, record.tarballSize);
    if (!body) throw new Error(`blob ${record.blobSha256} of ${name}@${version} is missing`);
    return { body, size: record.tarballSize, etag: `"${record.shasum}"`, headers: {} };
  }
}
