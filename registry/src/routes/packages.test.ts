import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../test/errors.js';
import { injectPublish } from '../../test/fixtures.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';
import { approve } from '../cli/review.js';

const NAME = '@deqing/find-machinery';
let r: TestRegistry;
let app: FastifyInstance;
let dataDir: string;

beforeAll(async () => {
  r = await testRegistry('cunmen-packages-');
  ({ app, dataDir } = r);
  for (const version of ['1.0.0', '1.1.0']) {
    const res = await injectPublish(app, r.tokens.deqing, NAME, version, {
      packageJson: {
        description: 'long text only the full packument carries',
        peerDependencies: { react: '^19.0.0' },
      },
    });
    expect(res.statusCode).toBe(201);
  }
  await approve(dataDir, `${NAME}@1.0.0`);
});

afterAll(async () => {
  await r.close();
});

const URL_ = `/${NAME.replace('/', '%2f')}`;

describe('packument', () => {
  it('shows approved versions only', async () => {
    const res = await app.inject({ url: URL_ });
    expect(res.headers['content-type']).toBe('application/json');
    const doc = res.json();
    expect(Object.keys(doc.versions)).toEqual(['1.0.0']);
    expect(doc.versions['1.0.0'].description).toBe('long text only the full packument carries');
  });

  it('serves the abbreviated form for installers', async () => {
    const res = await app.inject({
      url: URL_,
      headers: { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*' },
    });
    expect(res.headers['content-type']).toBe('application/vnd.npm.install-v1+json');
    const doc = res.json();
    expect(Object.keys(doc)).toEqual(['name', 'modified', 'dist-tags', 'versions']);
    expect(doc.versions['1.0.0']).toEqual({
      name: NAME,
      version: '1.0.0',
      peerDependencies: { react: '^19.0.0' },
      dist: {
        integrity: expect.stringMatching(/^sha512-/),
        shasum: expect.stringMatching(/^[0-9a-f]{40}$/),
        tarball: 'https://r.example/@deqing/find-machinery/-/find-machinery-1.0.0.tgz',
      },
    });
  });

  it('answers a matching If-None-Match with 304 and gzips when asked', async () => {
    const first = await app.inject({ url: URL_ });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const again = await app.inject({ url: URL_, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const zipped = await app.inject({ url: URL_, headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString())).toEqual(first.json());
  });

  it('serves one approved version by version or dist-tag, never a pending one', async () => {
    const byVersion = await app.inject({ url: `${URL_}/1.0.0` });
    expect(byVersion.statusCode).toBe(200);
    expect(byVersion.json()).toMatchObject({ name: NAME, version: '1.0.0' });
    expect((await app.inject({ url: `${URL_}/latest` })).json().version).toBe('1.0.0');
    const pending = await app.inject({ url: `${URL_}/1.1.0` });
    expect(pending.statusCode).toBe(404);
    expect(pending.json()).toEqual(errorBody('REG_ERR_NOT_FOUND', `${NAME}@1.1.0 not found`));
  });

  it('answers an unknown package with a 404 error body', async () => {
    const res = await app.inject({ url: '/@deqing%2fnothing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(errorBody('REG_ERR_NOT_FOUND', 'package @deqing/nothing not found'));
  });

  it('serves no tarball for a pending version', async () => {
    const res = await app.inject({ url: `/${NAME}/-/find-machinery-1.1.0.tgz` });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(
      errorBody('REG_ERR_NOT_FOUND', `tarball ${NAME}/-/find-machinery-1.1.0.tgz not found`),
    );
  });
  it('sees a change made by another process at once (the cache follows the package revision)', async () => {
    const before = await app.inject({ url: URL_ });
    expect(Object.keys(before.json().versions)).toEqual(['1.0.0']);
    const again = await app.inject({ url: URL_ });
    expect(again.headers.etag).toBe(before.headers.etag);
    await approve(dataDir, `${NAME}@1.1.0`);
    const after = await app.inject({ url: URL_ });
    expect(Object.keys(after.json().versions)).toEqual(['1.0.0', '1.1.0']);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });
});
