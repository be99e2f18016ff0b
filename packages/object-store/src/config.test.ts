import { describe, expect, it } from 'vitest';
import { s3OptionsFrom } from './config.js';

describe('s3OptionsFrom', () => {
  it('is null when neither flags nor environment name an endpoint or a bucket', () => {
    expect(s3OptionsFrom({}, { CUNMEN_S3_REGION: 'cn-north-1' }, 'cunmen-registry')).toBeNull();
  });

  it('reads the environment, with the default bucket and region', () => {
    expect(
      s3OptionsFrom(
        {},
        {
          CUNMEN_S3_ENDPOINT: 'http://127.0.0.1:9000',
          CUNMEN_S3_ACCESS_KEY_ID: 'id',
          CUNMEN_S3_SECRET_ACCESS_KEY: 'secret',
        },
        'cunmen-registry',
      ),
    ).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'cunmen-registry',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
    });
  });

  it('lets flags win over the environment and ignores half a key pair', () => {
    expect(
      s3OptionsFrom(
        { endpoint: 'http://s3.local', bucket: 'flag-bucket' },
        {
          CUNMEN_S3_ENDPOINT: 'http://env',
          CUNMEN_S3_BUCKET: 'env-bucket',
          CUNMEN_S3_REGION: 'cn-north-1',
          CUNMEN_S3_ACCESS_KEY_ID: 'id',
        },
        'cunmen-shell',
      ),
    ).toEqual({ endpoint: 'http://s3.local', bucket: 'flag-bucket', region: 'cn-north-1' });
  });
});
