import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { makeTempDir } from '@cunmen/test-utils';
import { describe, expect, it } from 'vitest';
import { FileBlobStore } from './file-store.js';

describe('FileBlobStore', () => {
  it('stores bytes under sha256/<first two hex>/<digest> and reads them back', async () => {
    const root = (await makeTempDir('cunmen-blobs-')).path;
    const store = new FileBlobStore(root);
    const bytes = Buffer.from('hello blob');
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(await store.put(bytes)).toEqual({ sha256: sha, size: bytes.length });
    expect(readFileSync(join(root, 'sha256', sha.slice(0, 2), sha)).equals(bytes)).toBe(true);
    expect(await store.has(sha)).toBe(true);
    const stream = await store.get(sha);
    expect(stream && (await text(stream))).toBe('hello blob');
  });

  it('writes identical content once and leaves no temporary files', async () => {
    const root = (await makeTempDir('cunmen-blobs-')).path;
    const store = new FileBlobStore(root);
    await Promise.all([store.put(Buffer.from('same')), store.put(Buffer.from('same'))]);
    const files = readdirSync(join(root, 'sha256'), { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    );
    expect(files.map((f) => f.name)).toEqual([createHash('sha256').update('same').digest('hex')]);
  });

  it('answers null for a missing blob and refuses a non-digest key', async () => {
    const store = new FileBlobStore((await makeTempDir('cunmen-blobs-')).path);
    expect(await store.get('0'.repeat(64))).toBeNull();
    expect(() => store.pathOf('../../etc/passwd')).toThrow('not a sha256 hex digest');
  });
});
