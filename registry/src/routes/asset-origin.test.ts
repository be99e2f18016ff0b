/**
 * The cookie-less asset origin (issue #14): asset URLs use it, it serves nothing but assets, drops
 * cookies both ways, and the registry's own host redirects asset requests to it.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ASSET_BODIES, injectPublish } from '../../test/fixtures.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';
import { buildApp } from '../app.js';

const NAME = '@deqing/find-machinery';
const ASSETS = 'https://assets.r.example';
let r: TestRegistry;
let app: FastifyInstance;

beforeEach(async () => {
  r = await testRegistry('cunmen-asset-origin-', { assetOrigin: `${ASSETS}/` });
  ({ app } = r);
  await injectPublish(app, r.tokens.deqing, NAME, '1.0.0', {
    manifest: { screenshots: ['dist/remoteEntry.js'] },
  });
  const approved = await app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/review/${NAME}/1.0.0/approve`,
    headers: { authorization: `Bearer ${r.tokens.province}`, host: 'r.example' },
    payload: {},
  });
  expect(approved.statusCode).toBe(200);
});

afterEach(async () => {
  await r.close();
});

const onAssets = { host: 'assets.r.example' };

async function entryPath(): Promise<string> {
  const release = (await app.inject({ url: `/-/cunmen/v1/releases/${NAME}/1.0.0` })).json();
  expect(release.assetBase).toMatch(new RegExp(`^${ASSETS}/-/assets/[0-9a-f]{64}/$`));
  expect(release.remote.entry).toBe(`${release.assetBase}remoteEntry.js`);
  return new URL(release.remote.entry).pathname;
}

describe('asset origin', () => {
  it('puts asset URLs of releases and the catalog on the asset origin', async () => {
    const path = await entryPath();
    const detail = (await app.inject({ url: `/-/cunmen/v1/catalog/${NAME}` })).json();
    expect(detail.versions[0].screenshots[0].url).toBe(`${ASSETS}${path}`);
  });

  it('serves assets there, never reading or setting a cookie', async () => {
    const res = await app.inject({ url: await entryPath(), headers: { ...onAssets, cookie: 'session=x' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(ASSET_BODIES['remoteEntry.js']);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['GET', '/-/login/abcdefghijklmnopqrstuvwxyzABCDEF'],
    ['POST', '/-/v1/login'],
    ['GET', '/-/whoami'],
    ['GET', `/${NAME.replace('/', '%2f')}`],
    ['GET', '/-/cunmen/v1/catalog'],
    ['PUT', `/${NAME.replace('/', '%2f')}`],
  ])('answers %s %s with 404 on the asset origin', async (method, url) => {
    const res = await app.inject({
      method: method as 'GET',
      url,
      headers: { ...onAssets, authorization: `Bearer ${r.tokens.deqing}` },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('REG_ERR_NOT_FOUND');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('answers the health probe there, for a load balancer that checks each host name', async () => {
    expect((await app.inject({ url: '/healthz', headers: onAssets })).statusCode).toBe(200);
    expect((await app.inject({ url: '/metrics', headers: onAssets })).statusCode).toBe(404);
  });

  it('redirects an asset request on the registry host to the asset origin, serving no bytes there', async () => {
    const path = await entryPath();
    const res = await app.inject({ url: path, headers: { host: 'r.example' } });
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe(`${ASSETS}${path}`);
    expect(res.body).toBe('');
  });

  it.each([
    ['the registry’s own host', 'https://r.example'],
    ['a path', 'https://assets.r.example/static'],
    ['another scheme', 'ftp://assets.r.example'],
  ])('is refused at start when it is %s', async (_what, assetOrigin) => {
    await expect(
      buildApp({
        publicUrl: 'https://r.example',
        assetOrigin,
        storage: r.storage,
        keys: undefined,
        dataDir: r.dataDir,
      }),
    ).rejects.toThrow(/asset origin/);
  });
});
