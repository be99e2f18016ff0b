/**
 * Content-addressed blobs in an object store (`@cunmen/object-store`): `sha256/ab/abcdef…` under a
 * prefix — files under the data directory by default (the layout of every data directory so far), a
 * bucket in scale mode. The object store's put is atomic, so a reader never sees a partial blob; a
 * crash between writing a blob and committing the rows that name it leaves only an orphan blob.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ObjectStore } from '@cunmen/object-store';
import type { BlobInfo, BlobStore } from '../types.js';

const SHA256 = /^[0-9a-f]{64}$/;

/** `sha256/ab/abcdef…` (after the store's prefix, if any). */
export function blobKey(sha256: string, prefix = ''): string {
  if (!SHA256.test(sha256)) throw new Error(`not a sha256 hex digest: ${sha256}`);
  return `${prefix}sha256/${sha256.slice(0, 2)}/${sha256}`;
}

export class ObjectBlobStore implements BlobStore {
  /** `prefix` ends with `/` when given: `uplink-cache/` puts the uplink's blobs beside the province's. */
  constructor(
    readonly objects: ObjectStore,
    readonly prefix = '',
  ) {}

  async put(bytes: Uint8Array): Promise<BlobInfo> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (!(await this.has(sha256))) await this.objects.put(blobKey(sha256, this.prefix), bytes);
    return { sha256, size: bytes.byteLength };
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.objects.head(blobKey(sha256, this.prefix))) !== null;
  }

  get(sha256: string): Promise<Readable | null> {
    return this.objects.getStream(blobKey(sha256, this.prefix));
  }

  /** Every blob's digest and size (objects whose key is not a blob key are skipped). */
  async *list(): AsyncIterable<BlobInfo> {
    for await (const o of this.objects.list(`${this.prefix}sha256/`)) {
      const sha256 = o.key.slice(o.key.lastIndexOf('/') + 1);
      if (SHA256.test(sha256) && o.key === blobKey(sha256, this.prefix)) yield { sha256, size: o.size };
    }
  }
}
