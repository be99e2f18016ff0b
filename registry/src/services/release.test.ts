/** The registry's release document is the contract's `ReleaseDocument`, exactly: nothing the shell drops. */
import { createPublicKey, verify } from 'node:crypto';
import { releaseDocumentPayloadV2, releaseDocumentSchema } from '@cunmen/manifest';
import { keyIdOf } from '@cunmen/manifest/key-id';
import { makeTempDir } from '@cunmen/test-utils';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectPublish } from '../../test/fixtures.js';
import { buildApp } from '../app.js';
import { addUser } from '../cli/users.js';

const NAME = '@deqing/find-machinery';
let app: FastifyInstance;
let county: string;
let province: string;

beforeAll(async () => {
  const dataDir = (await makeTempDir('cunmen-release-')).path;
  county = (await addUser({ dataDir, name: 'dq', role: 'county', county: '330521', scope: '@deqing' })).token;
  province = (await addUser({ dataDir, name: 'zj', role: 'province', county: '330000', scope: '@cunmen' }))
    .token;
  app = await buildApp({ dataDir, publicUrl: 'https://r.example' });
  for (const version of ['1.0.0', '1.1.0']) {
    expect((await injectPublish(app, county, NAME, version)).statusCode).toBe(201);
    const approved = await app.inject({
      method: 'POST',
      url: `/-/cunmen/v1/review/${NAME}/${version}/approve`,
      headers: { authorization: `Bearer ${province}` },
      payload: {},
    });
    expect(approved.statusCode).toBe(200);
  }
  await app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/packages/${NAME}/1.1.0/yank`,
    headers: { authorization: `Bearer ${province}` },
    payload: { reason: '泄露手机号' },
  });
});

afterAll(async () => {
  await app?.close();
});

const releaseOf = async (version: string) =>
  (await app.inject({ url: `/-/cunmen/v1/releases/${NAME}/${version}` })).json();

describe('the release document', () => {
  it('is a valid ReleaseDocument that parses to itself, signed by the key its keyId names', async () => {
    const release = await releaseOf('1.0.0');
    expect(releaseDocumentSchema.parse(release)).toEqual(release);
    expect(release).toMatchObject({ name: NAME, version: '1.0.0', kind: 'widget', standard: false });
    expect([release.deprecated, release.yanked]).toEqual([null, null]);
    const [key] = (await app.inject({ url: '/-/cunmen/v1/keys' })).json().keys;
    const publicKey = createPublicKey(key.pem);
    expect(release.keyId).toBe(keyIdOf(publicKey));
    expect(release.keyId).toBe(key.keyId);
    // Payload v2: the signature covers the manifest's contributions, config schema, shared and SDK too.
    const payload = releaseDocumentPayloadV2(release) as string;
    expect(payload).toContain('"contributes":[');
    expect(verify(null, Buffer.from(payload), publicKey, Buffer.from(release.signature, 'base64'))).toBe(
      true,
    );
  });

  it('states a yank explicitly, with its time and reason', async () => {
    const release = await releaseOf('1.1.0');
    expect(releaseDocumentSchema.parse(release)).toEqual(release);
    expect(release.yanked).toEqual({ at: expect.any(String), reason: '泄露手机号' });
    expect(Number.isNaN(Date.parse(release.yanked.at))).toBe(false);
  });
});
