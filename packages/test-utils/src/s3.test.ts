import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startS3 } from './s3.js';

async function signedless(url: string, init?: RequestInit): Promise<number> {
  const res = await fetch(url, init);
  await res.body?.cancel();
  return res.status;
}

describe('startS3', () => {
  it('serves an S3 endpoint on a free loopback port with the given buckets, and stops', async () => {
    const a = await startS3({ buckets: ['cunmen-test'] });
    const b = await startS3();
    expect(a.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(a.endpoint).not.toBe(b.endpoint);
    expect(a).toMatchObject({ accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    // An anonymous request reaches the server: refused for lack of a signature, not for lack of a bucket.
    const text = await (await fetch(`${a.endpoint}/cunmen-test/x`)).text();
    expect(text).toMatch(/AccessDenied|NoSuchKey/);
    expect(await (await fetch(`${a.endpoint}/missing-bucket/x`)).text()).toMatch(/NoSuchBucket/);
    await a.stop();
    await b.stop();
    await expect(signedless(`${a.endpoint}/cunmen-test/x`)).rejects.toThrow();
  });

  it('keeps a closed server’s buckets as a template that later servers start on a copy of', async () => {
    const first = await startS3({ buckets: ['cunmen-kept'] });
    const parent = mkdtempSync(join(tmpdir(), 'cunmen-s3-template-'));
    const template = join(parent, 's3');
    try {
      await first.keep(template);
      const copy = await startS3({ from: template });
      // The bucket came with the copy: refused for the signature or the key, not for the bucket.
      expect(await (await fetch(`${copy.endpoint}/cunmen-kept/x`)).text()).toMatch(/AccessDenied|NoSuchKey/);
      expect(await (await fetch(`${copy.endpoint}/other/x`)).text()).toMatch(/NoSuchBucket/);
      await copy.stop();
      expect(existsSync(template)).toBe(true);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
