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
});
