/**
 * Small blobs kept in memory. Blobs are content-addressed and never change, so a cached copy can never
 * be stale: no invalidation, only eviction (least recently used) when the byte budget is full. The hot
 * path of a portal — remoteEntry.js and chunks, fetched by every resident's phone — then costs no disk
 * access at all.
 */

import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { BlobStore } from '../types.js';

export class BlobCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(
    private readonly store: BlobStore,
    /** Blobs larger than this are streamed, never cached. */
    private readonly maxBlobBytes = 1024 * 1024,
    private readonly maxTotalBytes = 64 * 1024 * 1024,
  ) {}

  /** The blob's bytes (cached) or a stream of it (large blobs); null if the store has no such blob. */
  async read(sha256: string, size: number): Promise<Buffer | Readable | null> {
    const hit = this.entries.get(sha256);
    if (hit) {
      this.entries.delete(sha256);
      this.entries.set(sha256, hit);
      return hit;
    }
    const stream = await this.store.get(sha256);
    if (!stream || size > this.maxBlobBytes) return stream;
    const bytes = await buffer(stream);
    this.entries.set(sha256, bytes);
    this.bytes += bytes.length;
    for (const [key, value] of this.entries) {
      if (this.bytes <= this.maxTotalBytes) break;
      this.entries.delete(key);
      this.bytes -= value.length;
    }
    return bytes;
  }
}
