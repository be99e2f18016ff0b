import { describe, expect, it } from 'vitest';
import { describeStorage, scaleSetting } from './scale-options.js';

describe('scaleSetting', () => {
  it('is the embedded default when nothing is set', () => {
    expect(scaleSetting({}, {})).toEqual({ storage: {} });
  });

  it('reads REGISTRY_DATABASE_URL before DATABASE_URL, and a flag before both', () => {
    const env = { REGISTRY_DATABASE_URL: 'postgres://r/reg', DATABASE_URL: 'postgres://d/any' };
    expect(scaleSetting({}, env).storage.databaseUrl).toBe('postgres://r/reg');
    expect(scaleSetting({}, { DATABASE_URL: 'postgres://d/any' }).storage.databaseUrl).toBe(
      'postgres://d/any',
    );
    expect(scaleSetting({ 'database-url': 'postgres://f/x' }, env).storage.databaseUrl).toBe(
      'postgres://f/x',
    );
  });

  it('takes the bucket from flags or CUNMEN_S3_*, defaulting to cunmen-registry', () => {
    expect(scaleSetting({ 's3-endpoint': 'http://127.0.0.1:9000' }, {}).storage.s3).toEqual({
      endpoint: 'http://127.0.0.1:9000',
      bucket: 'cunmen-registry',
      region: 'us-east-1',
    });
    expect(
      scaleSetting({}, { CUNMEN_S3_BUCKET: 'b', CUNMEN_S3_ENDPOINT: 'http://s3' }).storage.s3?.bucket,
    ).toBe('b');
  });

  it('takes the signing key file from the flag or REGISTRY_SIGNING_KEY_FILE', () => {
    expect(scaleSetting({}, { REGISTRY_SIGNING_KEY_FILE: '/etc/k' }).signingKeyFile).toBe('/etc/k');
    expect(
      scaleSetting({ 'signing-key': '/k2' }, { REGISTRY_SIGNING_KEY_FILE: '/etc/k' }).signingKeyFile,
    ).toBe('/k2');
  });

  it('describes where things are without the database password', () => {
    expect(
      describeStorage('/d', {
        databaseUrl: 'postgres://reg:secret@db:5432/registry',
        s3: { bucket: 'b', endpoint: 'http://s3' },
      }),
    ).toBe('metadata in PostgreSQL postgres://***@db:5432/registry, blobs in bucket b at http://s3');
    expect(describeStorage('/d', {})).toBe('metadata in /d/registry.db, blobs in /d/blobs');
  });
});
