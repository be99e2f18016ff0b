import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import type { BlobStore } from '../types.js';
import { BlobCache } from './blob-cache.js';

function countingStore(blobs: Record<string, Buffer>) {
  const reads: string[] = [];
  const store: BlobStore = {
    put: async () => {
      throw new Error('read-only');
    },
    has: async (sha) => sha in blobs,
    get: async (sha) => {
      reads.push(sha);
      const b = blobs[sha];
      return b ? Readable.from([b]) : null;
    },
    list: async function* () {
      for (const [sha256, b] of Object.entries(blobs)) yield { sha256, size: b.length };
    },
  };
  return { store, reads };
}

describe('BlobCache', () => {
  it('reads a small blob from the store once, then from memory', async () => {
    const { store, reads } = countingStore({ a: Buffer.from('aaa') });
    const cache = new BlobCache(store);
    expect(await cache.read('a', 3)).toEqual(Buffer.from('aaa'));
    expect(await cache.read('a', 3)).toEqual(Buffer.from('aaa'));
    expect(reads).toEqual(['a']);
    expect(await cache.read('missing', 3)).toBeNull();
  });

  it('streams large blobs without keeping them, and evicts the least recently used', async () => {
    const { store, reads } = countingStore({
      big: Buffer.alloc(20),
      a: Buffer.alloc(6),
      b: Buffer.alloc(6),
      c: Buffer.alloc(6),
    });
    const cache = new BlobCache(store, 10, 12);
    const big = await cache.read('big', 20);
    expect(big).toBeInstanceOf(Readable);
    expect((await buffer(big as Readable)).length).toBe(20);
    await cache.read('a', 6);
    await cache.read('b', 6);
    await cache.read('a', 6); // a is now the most recent
    await cache.read('c', 6); // over 12 bytes: b goes
    await cache.read('a', 6);
    await cache.read('b', 6);
    expect(reads).toEqual(['big', 'a', 'b', 'c', 'b']);
  });
});
