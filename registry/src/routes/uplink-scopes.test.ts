import { publishDocument, publishPath } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody } from '../../test/errors.js';
import { injectPublish, widgetTarball } from '../../test/fixtures.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';
import { UpstreamFixture } from '../../test/upstream.js';
import { createAccount } from '../services/accounts.js';
import { OPERATOR } from '../services/actor.js';

let upstream: UpstreamFixture;
let r: TestRegistry;

beforeAll(async () => {
  upstream = await UpstreamFixture.start();
  // The public registry holds packages in every scope the province owns: dependency confusion bait.
  for (const name of [
    '@cunmen/cli',
    '@cunmen/not-released-yet',
    '@deqing/evil',
    '@yishui/evil',
    '@shaoxing/evil',
    '@deqing/find-machinery',
  ]) {
    upstream.add(name, '99.0.0');
  }
  upstream.add('left-pad', '1.3.0');
  r = await testRegistry('cunmen-uplink-scopes-', {
    uplink: { url: upstream.url, timeoutMs: 2000, maxAgeSeconds: 60 },
  });
  // A scope this registry gave an account, though it is in no built-in list.
  await createAccount(r.storage, OPERATOR, {
    name: 'sx',
    role: 'county',
    county: '330600',
    scope: '@shaoxing',
  });
  // Pending only: invisible to readers, and still never looked up upstream.
  expect((await injectPublish(r.app, r.tokens.deqing, '@deqing/find-machinery', '1.0.0')).statusCode).toBe(
    201,
  );
});

afterAll(async () => {
  await r.close();
  await upstream.close();
});

describe('names the province or a county owns', () => {
  it.each([
    ['@cunmen/cli', 'the province scope'],
    ['@cunmen/not-released-yet', 'the province scope, nothing published'],
    ['@deqing/evil', 'a county scope with an account'],
    ['@yishui/evil', 'a known county scope without an account here'],
    ['@shaoxing/evil', "a scope assigned to this registry's account"],
    ['@deqing/find-machinery', 'a package with only a pending version'],
  ])('%s (%s) is a plain 404 and the uplink never hears of it', async (name) => {
    const base = name.slice(name.indexOf('/') + 1);
    const encoded = `/${name.replace('/', '%2f')}`;
    for (const url of [encoded, `/${name}`, `${encoded}/99.0.0`, `/${name}/-/${base}-99.0.0.tgz`]) {
      const res = await r.app.inject({ url, headers: { accept: 'application/vnd.npm.install-v1+json' } });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code, url).toBe('REG_ERR_NOT_FOUND');
    }
    expect((await r.app.inject({ url: encoded })).json()).toEqual(
      errorBody('REG_ERR_NOT_FOUND', `package ${name} not found`),
    );
    expect(upstream.seen(`/${name.split('/')[0]}`)).toEqual([]);
  });

  it('never asks the uplink for names npm would not resolve, such as an upper-case scope', async () => {
    for (const url of ['/@DEQING%2fevil', '/.hidden', '/_private']) {
      expect((await r.app.inject({ url })).statusCode, url).toBe(404);
    }
    expect(upstream.requests).toEqual([]);
  });

  it('refuses to publish under a proxied name as under any name outside the token scope', async () => {
    const tarball = widgetTarball('@deqing/find-machinery', '1.0.0');
    const res = await r.app.inject({
      method: 'PUT',
      url: publishPath('left-pad'),
      headers: { authorization: `Bearer ${r.tokens.province}`, 'content-type': 'application/json' },
      payload: JSON.stringify(publishDocument('left-pad', '1.3.1', tarball)),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual(
      errorBody(
        'REG_ERR_FORBIDDEN_SCOPE',
        '"left-pad" has no scope; widgets are published as @<scope>/<name>',
      ),
    );
  });

  it('keeps search local', async () => {
    const res = await r.app.inject({ url: '/-/v1/search?text=left-pad' });
    expect(res.json()).toMatchObject({ objects: [], total: 0 });
    expect(upstream.requests).toEqual([]);
  });

  it('does proxy a name nobody here owns, and says where it passed', async () => {
    expect((await r.app.inject({ url: '/left-pad' })).statusCode).toBe(200);
    expect(upstream.seen('/left-pad')).toEqual([
      expect.objectContaining({ via: expect.stringMatching(/^1\.1 cunmen-registry-[0-9a-f]{12}$/) }),
    ]);
  });

  it('refuses a chain of uplinks that leads back to itself', async () => {
    const via = upstream.seen('/left-pad')[0]?.via as string;
    upstream.add('loop-pad', '1.0.0');
    const res = await r.app.inject({ url: '/loop-pad', headers: { via: `1.1 proxy, ${via}` } });
    expect(res.statusCode).toBe(502);
    expect(res.json()).toEqual(
      errorBody(
        'REG_ERR_UPLINK_UNAVAILABLE',
        `the uplink chain leads back to this registry (Via: 1.1 proxy, ${via}); check --uplink`,
      ),
    );
    expect(upstream.seen('/loop-pad')).toEqual([]);
  });
});

describe('a registry without an uplink', () => {
  it('answers 404 for every name it does not hold', async () => {
    const plain = await testRegistry('cunmen-no-uplink-');
    try {
      for (const url of ['/left-pad', '/left-pad/-/left-pad-1.3.0.tgz', '/left-pad/1.3.0']) {
        expect((await plain.app.inject({ url })).statusCode, url).toBe(404);
      }
    } finally {
      await plain.close();
    }
  });
});
