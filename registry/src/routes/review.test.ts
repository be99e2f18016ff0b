import { createPublicKey, verify } from 'node:crypto';
import { releaseDocumentPayloadV2 } from '@cunmen/manifest';
import { sri } from '@cunmen/test-utils';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorBody, npmText } from '../../test/errors.js';
import { ASSET_BODIES, injectPublish } from '../../test/fixtures.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';

const NAME = '@deqing/find-machinery';
const ENC = NAME.replace('/', '%2f');
let r: TestRegistry;
let app: FastifyInstance;
let county: string;
let otherCounty: string;
let province: string;

beforeEach(async () => {
  r = await testRegistry('cunmen-review-');
  ({ app } = r);
  ({ deqing: county, anji: otherCounty, province } = r.tokens);
});

afterEach(async () => {
  await r.close();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function approveVia(version: string, body: Record<string, unknown> = {}, token = province) {
  return app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/review/${NAME}/${version}/approve`,
    headers: auth(token),
    payload: body,
  });
}

describe('review', () => {
  it('lists pending versions for the province only', async () => {
    expect((await injectPublish(app, county, NAME, '1.0.0')).statusCode).toBe(201);
    const list = await app.inject({ url: '/-/cunmen/v1/review', headers: auth(province) });
    expect(list.json().pending).toMatchObject([
      { name: NAME, version: '1.0.0', publishedBy: 'dq', capabilities: ['store.read'] },
    ]);
    const denied = await app.inject({ url: '/-/cunmen/v1/review', headers: auth(county) });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual(
      errorBody(
        'REG_ERR_FORBIDDEN',
        'only a province user can list versions waiting for review; "dq" is a county user',
      ),
    );
    expect((await app.inject({ url: '/-/cunmen/v1/review' })).statusCode).toBe(401);
  });

  it('shows new capabilities, sizes, the file diff against the previous version and the checks', async () => {
    await injectPublish(app, county, NAME, '1.0.0');
    expect((await approveVia('1.0.0')).statusCode).toBe(200);
    await injectPublish(app, county, NAME, '1.1.0', {
      manifest: { capabilities: ['store.read', 'store.write'] },
      extraEntries: [{ path: 'package/README.md', body: '# new' }],
    });
    const r = await app.inject({ url: `/-/cunmen/v1/review/${NAME}/1.1.0`, headers: auth(province) });
    const body = r.json();
    expect(body.previousVersion).toBe('1.0.0');
    expect(body.capabilities).toEqual({
      requested: ['store.read', 'store.write'],
      added: ['store.write'],
      removed: [],
      granted: null,
    });
    expect(body.sizes).toMatchObject({ jsGzip: 1500, budgetGzip: 4096 });
    expect(body.files.find((f: { path: string }) => f.path === 'README.md')).toEqual({
      path: 'README.md',
      size: 5,
      previousSize: null,
      change: 'added',
    });
    expect(
      body.files
        .filter((f: { change: string }) => f.change === 'changed')
        .map((f: { path: string }) => f.path),
    ).toEqual(['dist/cunmen.json', 'package.json']);
    expect(body.checks.find((c: { id: string }) => c.id === 'capabilities').detail).toBe(
      'requests new capabilities since 1.0.0: store.write',
    );
  });

  it('signs the approval so that the exported public key verifies it', async () => {
    await injectPublish(app, county, NAME, '1.0.0', {
      manifest: { capabilities: ['store.read', 'store.write'] },
    });
    const res = await approveVia('1.0.0', { capabilities: ['store.read'] });
    expect(res.statusCode).toBe(200);
    const { signature, granted } = res.json();
    expect(granted).toEqual(['store.read']);
    const { keys } = (await app.inject({ url: '/-/cunmen/v1/keys' })).json();
    const release = (await app.inject({ url: `/-/cunmen/v1/releases/${NAME}/1.0.0` })).json();
    // Payload v2 rebuilt from the release: it must name the published asset hashes and the grant.
    const payload = releaseDocumentPayloadV2(release) as string;
    expect(JSON.parse(payload)).toMatchObject({
      format: 'cunmen-release/2',
      assets: Object.fromEntries(Object.entries(ASSET_BODIES).map(([p, b]) => [p, sri(b)])),
      capabilities: ['store.read'],
      manifest: { requested: ['store.read', 'store.write'] },
    });
    expect(
      verify(null, Buffer.from(payload), createPublicKey(keys[0].pem), Buffer.from(signature, 'base64')),
    ).toBe(true);
    // Changing what was granted breaks the signature.
    const forged = payload.replace('"store.read"', '"store.write"');
    expect(
      verify(null, Buffer.from(forged), createPublicKey(keys[0].pem), Buffer.from(signature, 'base64')),
    ).toBe(false);

    expect(release).toMatchObject({ name: NAME, version: '1.0.0', capabilities: ['store.read'], signature });
    expect(release.remote.entry).toMatch(/^https:\/\/r\.example\/-\/assets\/[0-9a-f]{64}\/remoteEntry\.js$/);
    expect(release.remote.entryIntegrity).toBe(sri(ASSET_BODIES['remoteEntry.js'] as string));
  });

  it('refuses to grant a capability that was not requested, and leaves the version pending', async () => {
    await injectPublish(app, county, NAME, '1.0.0');
    const res = await approveVia('1.0.0', { capabilities: ['points.request'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe(
      npmText('REG_ERR_BAD_REQUEST', `cannot grant "points.request": ${NAME}@1.0.0 requests only store.read`),
    );
    const unknown = await approveVia('1.0.0', { capabilities: ['root'] });
    expect(unknown.json().error).toBe(npmText('REG_ERR_BAD_REQUEST', '"root" is not a known capability'));
    expect(
      (await app.inject({ url: '/-/cunmen/v1/review', headers: auth(province) })).json().pending,
    ).toHaveLength(1);
    expect((await app.inject({ url: `/${ENC}` })).statusCode).toBe(404);
  });

  it('lets only the province approve', async () => {
    await injectPublish(app, county, NAME, '1.0.0');
    const res = await approveVia('1.0.0', {}, county);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('REG_ERR_FORBIDDEN');
    expect((await app.inject({ url: `/${ENC}` })).statusCode).toBe(404);
  });

  it('rejects with a reason; a rejected version stays invisible and cannot be approved', async () => {
    await injectPublish(app, county, NAME, '1.0.0');
    const noReason = await app.inject({
      method: 'POST',
      url: `/-/cunmen/v1/review/${NAME}/1.0.0/reject`,
      headers: auth(province),
      payload: { reason: '  ' },
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toBe(
      npmText('REG_ERR_BAD_REQUEST', 'a rejection needs a reason for the publisher'),
    );
    const rejected = await app.inject({
      method: 'POST',
      url: `/-/cunmen/v1/review/${NAME}/1.0.0/reject`,
      headers: auth(province),
      payload: { reason: '电话号码未脱敏' },
    });
    expect(rejected.json()).toEqual({
      name: NAME,
      version: '1.0.0',
      status: 'rejected',
      reason: '电话号码未脱敏',
    });
    const again = await approveVia('1.0.0');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe(
      npmText('REG_ERR_NOT_PENDING', `${NAME}@1.0.0 is rejected, not pending review`),
    );
    expect((await app.inject({ url: `/${ENC}` })).statusCode).toBe(404);
    expect((await injectPublish(app, county, NAME, '1.0.0')).statusCode).toBe(409);
  });
});

describe('browser assets', () => {
  async function assetBase(): Promise<string> {
    const release = (await app.inject({ url: `/-/cunmen/v1/releases/${NAME}/1.0.0` })).json();
    return new URL(release.assetBase).pathname;
  }

  it('serves approved assets immutable, with CORS, the right type and the signed bytes', async () => {
    await injectPublish(app, county, NAME, '1.0.0');
    expect((await app.inject({ url: `/-/cunmen/v1/releases/${NAME}/1.0.0` })).statusCode).toBe(404);
    await approveVia('1.0.0');
    const base = await assetBase();
    const res = await app.inject({
      url: `${base}remoteEntry.js`,
      headers: { origin: 'https://shell.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.body).toBe(ASSET_BODIES['remoteEntry.js']);
    const again = await app.inject({
      url: `${base}remoteEntry.js`,
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    expect((await app.inject({ url: `${base}mf-manifest.json` })).headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
  });

  it('serves nothing outside the manifest, nothing pending, no traversal', async () => {
    await injectPublish(app, county, NAME, '1.0.0', {
      extraEntries: [{ path: 'package/dist/secret.txt', body: 's' }],
    });
    await approveVia('1.0.0');
    const base = await assetBase();
    for (const path of ['secret.txt', '../package.json', 'cunmen.json', '']) {
      const res = await app.inject({ url: `${base}${path}` });
      expect(res.statusCode, path).toBe(404);
      expect(res.json().code).toBe('REG_ERR_NOT_FOUND');
    }
    await injectPublish(app, county, NAME, '1.1.0');
    const pendingDigest = (
      await app.inject({ url: `/-/cunmen/v1/review/${NAME}/1.1.0`, headers: auth(province) })
    ).json();
    expect(pendingDigest.status).toBe('pending');
    expect((await app.inject({ url: `/-/cunmen/v1/releases/${NAME}/1.1.0` })).statusCode).toBe(404);
  });

  it('limits CORS to the configured shell origins', async () => {
    await r.close();
    r = await testRegistry('cunmen-review-cors-', { shellOrigins: ['https://shell.example'] });
    ({ app } = r);
    ({ deqing: county, province } = r.tokens);
    await injectPublish(app, county, NAME, '1.0.0');
    await approveVia('1.0.0');
    const base = await assetBase();
    const ok = await app.inject({
      url: `${base}remoteEntry.js`,
      headers: { origin: 'https://shell.example' },
    });
    expect(ok.headers['access-control-allow-origin']).toBe('https://shell.example');
    const other = await app.inject({
      url: `${base}remoteEntry.js`,
      headers: { origin: 'https://evil.example' },
    });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('yank and standard', () => {
  it('yanks with a reason: npm sees it deprecated, the release says yanked', async () => {
    await injectPublish(app, county, NAME, '1.0.0');
    await approveVia('1.0.0');
    const denied = await app.inject({
      method: 'POST',
      url: `/-/cunmen/v1/packages/${NAME}/1.0.0/yank`,
      headers: auth(otherCounty),
      payload: { reason: 'x' },
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error).toBe(
      npmText('REG_ERR_FORBIDDEN_SCOPE', `a token for scope @anji cannot yank ${NAME}`),
    );
    const yanked = await app.inject({
      method: 'POST',
      url: `/-/cunmen/v1/packages/${NAME}/1.0.0/yank`,
      headers: auth(province),
      payload: { reason: '泄露手机号' },
    });
    expect(yanked.statusCode).toBe(200);
    const packument = (await app.inject({ url: `/${ENC}` })).json();
    expect(packument.versions['1.0.0'].deprecated).toBe('yanked: 泄露手机号');
    const release = (await app.inject({ url: `/-/cunmen/v1/releases/${NAME}/1.0.0` })).json();
    expect(release.yanked).toMatchObject({ reason: '泄露手机号' });
  });

  it('marks only province packages standard', async () => {
    const res = await app.inject({
      method: 'POST',
      url: `/-/cunmen/v1/packages/${NAME}/standard`,
      headers: auth(province),
      payload: { standard: true },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe(
      npmText(
        'REG_ERR_BAD_REQUEST',
        `only province packages (@cunmen/…) can be standard modules; ${NAME} is not`,
      ),
    );
    const missing = await app.inject({
      method: 'POST',
      url: '/-/cunmen/v1/packages/@cunmen/complaints/standard',
      headers: auth(province),
      payload: { standard: true },
    });
    expect(missing.statusCode).toBe(404);
  });
});
