/** The byte-object interface every Cunmen service stores files through (tarballs, assets, photos). */
import type { Readable } from 'node:stream';

export interface PutOptions {
  /** Kept by the S3 store and sent back by `head`; the file store does not keep it. */
  contentType?: string;
}

export interface ObjectInfo {
  key: string;
  size: number;
  contentType?: string;
}

/**
 * Objects under keys of `/`-separated segments (`sha256/ab/abcd…`, `photos/330521/1.jpg`). Each segment
 * is letters, digits, `.`, `_`, `-` and does not start with `.`, so a key is the same path on a file
 * system and in a bucket. A `put` is atomic: a reader sees the old object, the new one or none, never a
 * part.
 */
export interface ObjectStore {
  put(key: string, bytes: Uint8Array, options?: PutOptions): Promise<void>;
  /** The whole object, or null when there is none. */
  get(key: string): Promise<Buffer | null>;
  /** A stream of the object (for large ones), or null when there is none. */
  getStream(key: string): Promise<Readable | null>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Removes the object; nothing happens when there is none. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix` (order unspecified; read a page at a time underneath). */
  list(prefix?: string): AsyncIterable<ObjectInfo>;
}

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/** Throws unless `key` is a valid object key (see ObjectStore). */
export function assertKey(key: string): void {
  const segments = key.split('/');
  if (key.length === 0 || key.length > 1024 || !segments.every((s) => SEGMENT.test(s))) {
    throw new Error(`not a valid object key: ${JSON.stringify(key)}`);
  }
}
