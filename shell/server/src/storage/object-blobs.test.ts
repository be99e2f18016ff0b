/**
 * Scale mode's blobs: two shell storages on one S3 bucket (the test's S3-protocol server) see each
 * other's module blobs and banner photos at once; a put of the same bytes is idempotent.
 */
import { makeTempDir, startS3 } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from './index.js';

let s3: Awaited<ReturnType<typeof startS3>>;

beforeAll(async () => {
  s3 = await startS3();
}, 60_000);
afterAll(async () => s3?.stop());

describe('module blobs in an S3 bucket', () => {
  it('are shared by every instance and content-addressed', async () => {
    const options = {
      s3: {
        endpoint: s3.endpoint,
        bucket: 'cunmen-shell-test',
        region: 'us-east-1',
        accessKeyId: s3.accessKeyId,
        secretAccessKey: s3.secretAccessKey,
      },
    };
    const [a, b] = [await makeTempDir('cunmen-blobs-a-'), await makeTempDir('cunmen-blobs-b-')];
    const one = await openStorage(a.path, options);
    const two = await openStorage(b.path, options);
    try {
      const bytes = Buffer.from('三务公开附件');
      const sha = await one.modules.blobs('affairs-disclosure').put(bytes);
      expect(await one.modules.blobs('affairs-disclosure').put(bytes)).toBe(sha);
      expect(await two.modules.blobs('affairs-disclosure').get(sha)).toEqual(bytes);
      // Each module has its own blobs; nothing is read by another module's id or a made-up name.
      expect(await two.modules.blobs('complaints').get(sha)).toBeNull();
      expect(await two.modules.blobs('affairs-disclosure').get('../shell.db')).toBeNull();
    } finally {
      await one.close();
      await two.close();
      await a.remove();
      await b.remove();
    }
  });
});
