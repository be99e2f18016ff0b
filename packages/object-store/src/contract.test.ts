/** One contract, run on the file store and on the S3 store (against s3rver), so neither can drift. */
import { buffer } from 'node:stream/consumers';
import { makeTempDir, type StartedS3, startS3 } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileObjectStore } from './file-store.js';
import { S3ObjectStore } from './s3-store.js';
import type { ObjectStore } from './types.js';

let s3: StartedS3;
let buckets = 0;
beforeAll(async () => {
  s3 = await startS3();
});
afterAll(async () => {
  await s3?.stop();
});

async function collect(it: AsyncIterable<{ key: string; size: number }>) {
  const out: { key: string; size: number }[] = [];
  for await (const o of it) out.push({ key: o.key, size: o.size });
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

const backends: [string, () => Promise<ObjectStore>][] = [
  ['file', async () => new FileObjectStore((await makeTempDir('cunmen-objects-')).path)],
  [
    's3',
    async () => {
      const store = new S3ObjectStore({
        endpoint: s3.endpoint,
        bucket: `contract-${++buckets}`,
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
      });
      await store.ensureBucket();
      await store.ensureBucket(); // a second instance starting finds it there
      return store;
    },
  ],
];

describe.each(backends)('ObjectStore contract: %s', (_name, open) => {
  it('puts, gets, streams, heads and deletes an object by key', async () => {
    const store = await open();
    const bytes = Buffer.from('村门 tarball bytes');
    expect(await store.get('sha256/ab/abc')).toBeNull();
    expect(await store.getStream('sha256/ab/abc')).toBeNull();
    expect(await store.head('sha256/ab/abc')).toBeNull();
    await store.put('sha256/ab/abc', bytes, { contentType: 'application/octet-stream' });
    expect(await store.get('sha256/ab/abc')).toEqual(bytes);
    const stream = await store.getStream('sha256/ab/abc');
    expect(stream && (await buffer(stream))).toEqual(bytes);
    expect(await store.head('sha256/ab/abc')).toMatchObject({ key: 'sha256/ab/abc', size: bytes.length });
    await store.delete('sha256/ab/abc');
    expect(await store.get('sha256/ab/abc')).toBeNull();
    await store.delete('sha256/ab/abc');
  });

  it('replaces an object whole on a second put, including with an empty one', async () => {
    const store = await open();
    await store.put('a/b.txt', Buffer.from('first, longer content'));
    await store.put('a/b.txt', Buffer.from('second'));
    expect((await store.get('a/b.txt'))?.toString()).toBe('second');
    await store.put('a/b.txt', new Uint8Array(0));
    expect(await store.head('a/b.txt')).toMatchObject({ size: 0 });
  });

  it('lists the objects under a prefix, and only those', async () => {
    const store = await open();
    await store.put('sha256/ab/ab01', Buffer.from('1'));
    await store.put('sha256/ab/ab02', Buffer.from('22'));
    await store.put('sha256/cd/cd01', Buffer.from('333'));
    await store.put('photos/1.jpg', Buffer.from('4444'));
    expect(await collect(store.list('sha256/ab/'))).toEqual([
      { key: 'sha256/ab/ab01', size: 1 },
      { key: 'sha256/ab/ab02', size: 2 },
    ]);
    expect((await collect(store.list('sha256/'))).map((o) => o.key)).toEqual([
      'sha256/ab/ab01',
      'sha256/ab/ab02',
      'sha256/cd/cd01',
    ]);
    expect(await collect(store.list())).toHaveLength(4);
    expect(await collect(store.list('nothing/'))).toEqual([]);
  });

  it.each(['', '/abs', 'a//b', '../up', 'a/../b', '.hidden', 'a/.tmp-x', 'sp ace', 'a/'])(
    'refuses the key %j',
    async (key) => {
      const store = await open();
      await expect(store.put(key, Buffer.from('x'))).rejects.toThrow('not a valid object key');
      await expect(store.get(key)).rejects.toThrow('not a valid object key');
    },
  );
});
