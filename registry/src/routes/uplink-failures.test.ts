import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorBody } from '../../test/errors.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';
import { UpstreamFixture } from '../../test/upstream.js';

let upstream: UpstreamFixture;
let r: TestRegistry;

beforeAll(async () => {
  upstream = await UpstreamFixture.start();
  upstream.add('left-pad', '1.3.0');
  upstream.add('never-seen', '1.0.0');
  r = await testRegistry('cunmen-uplink-failures-', {
    uplink: { url: upstream.url, timeoutMs: 1000, maxAgeSeconds: 60 },
  });
  // Fetched once while the uplink worked.
  expect((await r.app.inject({ url: '/left-pad' })).statusCode).toBe(200);
  expect((await r.app.inject({ url: '/left-pad/-/left-pad-1.3.0.tgz' })).statusCode).toBe(200);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 3600_000);
});

afterAll(async () => {
  vi.useRealTimers();
  await r.close();
  await upstream.close();
});

describe('when the uplink fails', () => {
  it('serves the kept packument marked stale, and the kept tarball', async () => {
    upstream.mode = 'error';
    const res = await r.app.inject({ url: '/left-pad' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-cunmen-uplink']).toBe('stale');
    expect(res.headers.warning).toBe('110 cunmen-registry "Response is Stale"');
    expect(Object.keys(res.json().versions)).toEqual(['1.3.0']);
    const tarball = await r.app.inject({ url: '/left-pad/-/left-pad-1.3.0.tgz' });
    expect(tarball.headers['x-cunmen-uplink']).toBe('hit');
  });

  it('answers 502 for what it never fetched', async () => {
    const failed = await r.app.inject({ url: '/never-seen' });
    expect(failed.statusCode).toBe(502);
    expect(failed.json()).toEqual(
      errorBody(
        'REG_ERR_UPLINK_UNAVAILABLE',
        `the uplink answered 503 for ${upstream.url}never-seen: maintenance`,
      ),
    );
  });

  it('leaves the uplink alone for 30 s after two failures in a row: stale at once, 502 at once', async () => {
    const asked = upstream.requests.length;
    upstream.mode = 'up';
    expect((await r.app.inject({ url: '/left-pad' })).headers['x-cunmen-uplink']).toBe('stale');
    const res = await r.app.inject({ url: '/never-seen' });
    expect(res.statusCode).toBe(502);
    expect(res.json().error).toMatch(/^the uplink failed 2 times in a row; it is asked again from \S+Z /);
    expect(upstream.requests).toHaveLength(asked);

    vi.setSystemTime(Date.now() + 31_000);
    expect((await r.app.inject({ url: '/never-seen' })).statusCode).toBe(200);
    expect((await r.app.inject({ url: '/left-pad' })).headers['x-cunmen-uplink']).toBe('revalidated');
  });

  it('answers 504 when the uplink stays silent', async () => {
    upstream.add('quiet', '1.0.0');
    upstream.mode = 'hang';
    const silent = await r.app.inject({ url: '/quiet' });
    expect(silent.statusCode).toBe(504);
    expect(silent.json()).toEqual(
      errorBody('REG_ERR_UPLINK_TIMEOUT', `the uplink sent nothing for 1000 ms on ${upstream.url}quiet`),
    );
  });

  it('answers 502, not 404, for a version a stale packument does not list', async () => {
    upstream.mode = 'error';
    vi.setSystemTime(Date.now() + 31_000);
    const res = await r.app.inject({ url: '/left-pad/-/left-pad-1.4.0.tgz' });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toEqual(
      errorBody(
        'REG_ERR_UPLINK_UNAVAILABLE',
        'the uplink is unavailable and has not listed left-pad@1.4.0 before',
      ),
    );
  });
});
