import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { FileObjectStore } from '@cunmen/object-store';
import { makeTempDir } from '@cunmen/test-utils';
import { describe, expect, it } from 'vitest';
import { blobKey, ObjectBlobStore } from './object-blob-store.js';

async function fileBlobs(prefix = '') {
  const root = (await makeTempDir('cunmen-blobs-')).path;
  return { root, store: new ObjectBlobStore(new FileObjectStore(root), prefix) };
}

describe('ObjectBlobStore over files', () => {
  it('stores bytes under sha256/<first two hex>/<digest> and reads them back', async () => {
    const { root, store } = await fileBlobs();
    const bytes = Buffer.from('hello blob');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await store.put(bytes)).toEqual({ sha256: sha, size: bytes.length });
    expect(readFileSync(join(root, 'sha256', sha.slice(0, 2), sha)).equals(bytes)).toBe(true);
    expect(await store.has(sha)).toBe(true);
    const stream = await store.get(sha);
    expect(stream && (await text(stream))).toBe('hello blob');
  });

  it('writes identical content once and leaves no temporary files', async () => {
    const { root, store } = await fileBlobs();
    await Promise.all([store.put(Buffer.from('same')), store.put(Buffer.from('same'))]);
    const files = readdirSync(join(root, 'sha256'), { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    );
    expect(files.map((f) => f.name)).toEqual([createHash('sha256').update('same').digest('hex')]);
  });

  it('answers null for a missing blob and refuses a non-digest key', async () => {
    const { store } = await fileBlobs();
    expect(await store.get('0'.repeat(64))).toBeNull();
    expect(() => blobKey('../../etc/passwd')).toThrow('not a sha256 hex digest');
  });

  it('lists its blobs under its prefix only', async () => {
    const { root, store } = await fileBlobs('uplink-cache/');
    const a = await store.put(Buffer.from('a'));
    const b = await store.put(Buffer.from('bb'));
    await new ObjectBlobStore(new FileObjectStore(root)).put(Buffer.from('province'));
    const listed: { sha256: string; size: number }[] = [];
    for await (const blob of store.list()) listed.push(blob);
    expect(listed.sort((x, y) => x.size - y.size)).toEqual([a, b]);
  });
});
