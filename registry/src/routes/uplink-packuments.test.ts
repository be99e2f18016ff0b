import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorBody } from '../../test/errors.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';
import { UpstreamFixture } from '../../test/upstream.js';

const ABBREVIATED = 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*';
const PUBLIC = 'https://province.example.gov.cn';

let upstream: UpstreamFixture;
let r: TestRegistry;

beforeAll(async () => {
  upstream = await UpstreamFixture.start();
  upstream.add('left-pad', '1.2.0');
  upstream.add('left-pad', '1.3.0');
  upstream.add('@types/node', '20.0.0');
  r = await testRegistry('cunmen-uplink-packuments-', {
    publicUrl: PUBLIC,
    uplink: { url: upstream.url, timeoutMs: 2000, maxAgeSeconds: 60 },
  });
});

afterAll(async () => {
  await r.close();
  await upstream.close();
});

afterEach(() => {
  upstream.ignoreAccept = false;
  vi.useRealTimers();
});

describe('proxied packuments', () => {
  it('serves the full packument with every tarball URL pointing at this registry', async () => {
    const res = await r.app.inject({ url: '/left-pad' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-cunmen-uplink']).toBe('miss');
    const doc = res.json();
    expect(doc.readme).toBe('# readme');
    expect(doc['dist-tags']).toEqual({ latest: '1.3.0' });
    expect(doc.versions['1.3.0'].dist).toEqual({
      integrity: expect.stringMatching(/^sha512-/),
      shasum: expect.stringMatching(/^[0-9a-f]{40}$/),
      tarball: `${PUBLIC}/left-pad/-/left-pad-1.3.0.tgz`,
    });
    expect(upstream.seen('/left-pad').map((q) => q.accept)).toEqual(['application/json']);
    // Scoped names are asked for as npm asks, and their URLs keep the scope.
    const scoped = await r.app.inject({ url: '/@types%2fnode' });
    expect(scoped.json().versions['20.0.0'].dist.tarball).toBe(`${PUBLIC}/@types/node/-/node-20.0.0.tgz`);
    expect(upstream.seen('/@types/node')).toHaveLength(1);
  });

  it('asks the uplink for the abbreviated form when the client did', async () => {
    const res = await r.app.inject({ url: '/left-pad', headers: { accept: ABBREVIATED } });
    expect(res.headers['content-type']).toBe('application/vnd.npm.install-v1+json');
    const doc = res.json();
    expect(Object.keys(doc)).toEqual(['name', 'modified', 'dist-tags', 'versions']);
    expect(doc.versions['1.2.0']).toEqual({
      name: 'left-pad',
      version: '1.2.0',
      dependencies: {},
      dist: expect.objectContaining({ tarball: `${PUBLIC}/left-pad/-/left-pad-1.2.0.tgz` }),
    });
    expect(upstream.seen('/left-pad').at(-1)?.accept).toContain('application/vnd.npm.install-v1+json');
  });

  it('abbreviates itself when the uplink sends the full document whatever is asked', async () => {
    upstream.ignoreAccept = true;
    upstream.add('is-odd', '3.0.1');
    const res = await r.app.inject({ url: '/is-odd', headers: { accept: ABBREVIATED } });
    expect(res.headers['content-type']).toBe('application/vnd.npm.install-v1+json');
    const doc = res.json();
    expect(doc).not.toHaveProperty('readme');
    expect(doc.modified).toBe('2026-01-01T00:00:00.000Z');
    expect(doc.versions['3.0.1']).not.toHaveProperty('description');
    expect(doc.versions['3.0.1'].dist.tarball).toBe(`${PUBLIC}/is-odd/-/is-odd-3.0.1.tgz`);
  });

  it('serves from the cache within the max age, with its own ETag and 304', async () => {
    const before = upstream.seen('/left-pad').length;
    const first = await r.app.inject({ url: '/left-pad' });
    expect(first.headers['x-cunmen-uplink']).toBe('hit');
    const again = await r.app.inject({ url: '/left-pad', headers: { 'if-none-match': first.headers.etag } });
    expect(again.statusCode).toBe(304);
    expect(upstream.seen('/left-pad')).toHaveLength(before);
  });

  it('revalidates after the max age with the ETag and serves a new version when there is one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000);
    const confirmed = await r.app.inject({ url: '/left-pad' });
    expect(confirmed.headers['x-cunmen-uplink']).toBe('revalidated');
    expect(upstream.seen('/left-pad').at(-1)?.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);

    upstream.add('left-pad', '1.4.0');
    vi.setSystemTime(Date.now() + 61_000);
    const updated = await r.app.inject({ url: '/left-pad' });
    expect(updated.headers['x-cunmen-uplink']).toBe('updated');
    expect(Object.keys(updated.json().versions)).toEqual(['1.2.0', '1.3.0', '1.4.0']);
    expect(updated.headers.etag).not.toBe(confirmed.headers.etag);
  });

  it('answers 404 for a package the uplink does not have either', async () => {
    const res = await r.app.inject({ url: '/no-such-package' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual(errorBody('REG_ERR_NOT_FOUND', 'package no-such-package not found'));
    expect(upstream.seen('/no-such-package')).toHaveLength(1);
  });

  it('fetches a packument once for many concurrent clients', async () => {
    upstream.add('popular', '1.0.0');
    upstream.delayMs = 200;
    try {
      const answers = await Promise.all(
        Array.from({ length: 8 }, () => r.app.inject({ url: '/popular', headers: { accept: ABBREVIATED } })),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
      expect(new Set(answers.map((a) => a.body)).size).toBe(1);
      expect(upstream.seen('/popular')).toHaveLength(1);
    } finally {
      upstream.delayMs = 0;
    }
  });

  it('serves one version by version or dist-tag, for scoped and unscoped names', async () => {
    const byTag = await r.app.inject({ url: '/left-pad/latest' });
    expect(byTag.json()).toMatchObject({ name: 'left-pad', version: '1.4.0' });
    const scoped = await r.app.inject({ url: '/@types%2fnode/20.0.0' });
    expect(scoped.json().dist.tarball).toBe(`${PUBLIC}/@types/node/-/node-20.0.0.tgz`);
    const missing = await r.app.inject({ url: '/left-pad/9.9.9' });
    expect(missing.json()).toEqual(errorBody('REG_ERR_NOT_FOUND', 'left-pad@9.9.9 not found'));
  });
});
