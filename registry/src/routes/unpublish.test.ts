import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorBody, npmText } from '../../test/errors.js';
import { injectPublish } from '../../test/fixtures.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';
import { approve } from '../cli/review.js';

const NAME = '@deqing/find-machinery';
const ENC = NAME.replace('/', '%2f');
let r: TestRegistry;
let app: FastifyInstance;
let dataDir: string;
let county: string;
let otherCounty: string;

beforeEach(async () => {
  r = await testRegistry('cunmen-unpublish-');
  ({ app, dataDir } = r);
  ({ deqing: county, anji: otherCounty } = r.tokens);
  for (const v of ['1.0.0', '1.1.0']) {
    expect((await injectPublish(app, county, NAME, v)).statusCode).toBe(201);
    await approve(dataDir, `${NAME}@${v}`);
  }
});

afterEach(async () => {
  vi.useRealTimers();
  await r.close();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });

async function packumentForWrite() {
  return (await app.inject({ url: `/${ENC}?write=true` })).json();
}

/** What `npm unpublish <name>@<version>` sends: the packument without that version. */
async function unpublishVia(version: string, token = county) {
  const doc = await packumentForWrite();
  delete doc.versions[version];
  for (const [tag, v] of Object.entries(doc['dist-tags'])) if (v === version) delete doc['dist-tags'][tag];
  return app.inject({ method: 'PUT', url: `/${ENC}/-rev/${doc._rev}`, headers: auth(token), payload: doc });
}

describe('unpublish', () => {
  it('removes one version within 72 hours; its number can never be published again', async () => {
    const res = await unpublishVia('1.1.0');
    expect(res.json()).toEqual({ ok: true });
    const doc = await packumentForWrite();
    expect(Object.keys(doc.versions)).toEqual(['1.0.0']);
    expect(doc['dist-tags']).toEqual({ latest: '1.0.0' });
    expect((await app.inject({ url: `/${NAME}/-/find-machinery-1.1.0.tgz` })).statusCode).toBe(404);
    const tarballDelete = await app.inject({
      method: 'DELETE',
      url: `/${NAME}/-/find-machinery-1.1.0.tgz/-rev/${doc._rev}`,
      headers: { authorization: `Bearer ${county}` },
    });
    expect(tarballDelete.statusCode).toBe(200);
    const again = await injectPublish(app, county, NAME, '1.1.0');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe(
      npmText('REG_ERR_VERSION_EXISTS', `cannot publish over existing version ${NAME}@1.1.0`),
    );
  });

  it('refuses after 72 hours and changes nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 73 * 3600 * 1000);
    const res = await unpublishVia('1.1.0');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('REG_ERR_UNPUBLISH_WINDOW');
    expect(res.json().error).toMatch(
      /more than 72 hours ago; deprecate or yank it instead \(REG_ERR_UNPUBLISH_WINDOW; see \S+#reg_err_unpublish_window\)$/,
    );
    expect(Object.keys((await packumentForWrite()).versions)).toEqual(['1.0.0', '1.1.0']);
  });

  it('refuses while a village portal uses the version', async () => {
    await r.storage.catalog.reportPortal('330521001001', [{ name: NAME, version: '1.1.0' }]);
    const res = await unpublishVia('1.1.0');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual(
      errorBody(
        'REG_ERR_IN_USE',
        `${NAME}@1.1.0 is used by 1 village portal(s) in 1 county(ies); deprecate or yank it instead`,
      ),
    );
    expect(Object.keys((await packumentForWrite()).versions)).toEqual(['1.0.0', '1.1.0']);
  });

  it("refuses another county's token", async () => {
    const res = await unpublishVia('1.1.0', otherCounty);
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe(
      npmText('REG_ERR_FORBIDDEN_SCOPE', `a token for scope @anji cannot unpublish ${NAME}`),
    );
  });

  it('unpublishes the whole package with DELETE /-rev/', async () => {
    const doc = await packumentForWrite();
    const res = await app.inject({
      method: 'DELETE',
      url: `/${ENC}/-rev/${doc._rev}`,
      headers: { authorization: `Bearer ${county}` },
    });
    expect(res.json()).toEqual({ ok: true });
    expect((await app.inject({ url: `/${ENC}` })).statusCode).toBe(404);
  });
});

describe('deprecate through the packument', () => {
  it('sets and clears a message as npm deprecate does', async () => {
    const doc = await packumentForWrite();
    doc.versions['1.0.0'].deprecated = '请升级到 1.1.0';
    const res = await app.inject({ method: 'PUT', url: `/${ENC}`, headers: auth(county), payload: doc });
    expect(res.statusCode).toBe(200);
    const after = await packumentForWrite();
    expect(after.versions['1.0.0'].deprecated).toBe('请升级到 1.1.0');
    expect(after.versions['1.1.0'].deprecated).toBeUndefined();
    after.versions['1.0.0'].deprecated = '';
    await app.inject({ method: 'PUT', url: `/${ENC}`, headers: auth(county), payload: after });
    expect((await packumentForWrite()).versions['1.0.0'].deprecated).toBeUndefined();
  });

  it("refuses another county's token and a version the registry does not serve", async () => {
    const doc = await packumentForWrite();
    doc.versions['1.0.0'].deprecated = 'x';
    const denied = await app.inject({
      method: 'PUT',
      url: `/${ENC}`,
      headers: auth(otherCounty),
      payload: doc,
    });
    expect(denied.statusCode).toBe(403);
    doc.versions['9.0.0'] = { ...doc.versions['1.0.0'], version: '9.0.0' };
    const unknown = await app.inject({ method: 'PUT', url: `/${ENC}`, headers: auth(county), payload: doc });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe(
      npmText('REG_ERR_NOT_FOUND', `${NAME}@9.0.0 is not an approved version of ${NAME}`),
    );
    expect((await packumentForWrite()).versions['1.0.0'].deprecated).toBeUndefined();
  });
});
