/** Assets compressed once per content hash (issue #16): brotli or gzip by Accept-Encoding, with Vary. */

import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injectPublish, withExtraAssets } from '../../test/fixtures.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';

const NAME = '@deqing/find-machinery';
const CHUNK = 'export const rows = ["找农机", "收割机", "插秧机"];\n'.repeat(300);
let r: TestRegistry;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  r = await testRegistry('cunmen-asset-compression-');
  ({ app } = r);
  const extra = { 'chunk.js': CHUNK, 'logo.png': 'not really a png '.repeat(50) };
  const spec = withExtraAssets(NAME, '1.0.0', extra, 'text/javascript');
  const published = await injectPublish(app, r.tokens.deqing, NAME, '1.0.0', spec);
  expect(published.statusCode).toBe(201);
  await app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/review/${NAME}/1.0.0/approve`,
    headers: { authorization: `Bearer ${r.tokens.province}` },
    payload: {},
  });
  const release = (await app.inject({ url: `/-/cunmen/v1/releases/${NAME}/1.0.0` })).json();
  base = new URL(release.assetBase).pathname;
});

afterAll(async () => {
  await r.close();
});

const get = (path: string, acceptEncoding?: string, etag?: string) =>
  app.inject({
    url: `${base}${path}`,
    headers: {
      ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
      ...(etag ? { 'if-none-match': etag } : {}),
    },
  });

describe('compressed assets', () => {
  it.each([
    ['gzip, deflate, br', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
  ] as const)('answers %s with %s bytes that decode to the asset', async (accept, encoding, decode) => {
    const res = await get('chunk.js', accept);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.length).toBeLessThan(CHUNK.length / 5);
    expect(decode(res.rawPayload).toString()).toBe(CHUNK);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('sends the asset as it is to a client that takes no compression, still with Vary', async () => {
    const res = await get('chunk.js');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.body).toBe(CHUNK);
  });

  it('gives each representation its own ETag and answers 304 only for the matching one', async () => {
    const br = await get('chunk.js', 'br');
    const plain = await get('chunk.js');
    expect(br.headers.etag).not.toBe(plain.headers.etag);
    expect((await get('chunk.js', 'br', br.headers.etag as string)).statusCode).toBe(304);
    const mismatched = await get('chunk.js', 'br', plain.headers.etag as string);
    expect(mismatched.statusCode).toBe(200);
    expect(mismatched.headers['content-encoding']).toBe('br');
  });

  it('leaves images as they are', async () => {
    const res = await get('logo.png', 'br, gzip');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
    expect(res.headers['content-type']).toBe('image/png');
  });
});
