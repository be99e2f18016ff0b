import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBody, npmText } from '../../test/errors.js';
import { injectPublish } from '../../test/fixtures.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';
import { approve } from '../cli/review.js';

const NAME = '@deqing/find-machinery';
const BASE = `/-/package/${NAME.replace('/', '%2f')}/dist-tags`;
let r: TestRegistry;
let app: FastifyInstance;
let dataDir: string;
let deqing: string;
let anji: string;

beforeAll(async () => {
  r = await testRegistry('cunmen-tags-');
  ({ app, dataDir } = r);
  ({ deqing, anji } = r.tokens);
  for (const version of ['1.0.0', '1.1.0', '2.0.0']) {
    const res = await injectPublish(app, deqing, NAME, version);
    expect(res.statusCode).toBe(201);
  }
  await approve(dataDir, `${NAME}@1.0.0`);
  await approve(dataDir, `${NAME}@1.1.0`);
});

afterAll(async () => {
  await r.close();
});

function putTag(tag: string, version: unknown, token = deqing) {
  return app.inject({
    method: 'PUT',
    url: `${BASE}/${tag}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(version),
  });
}

describe('dist-tags', () => {
  it('adds, lists and removes a tag', async () => {
    expect((await putTag('beta', '1.1.0')).statusCode).toBe(201);
    expect((await app.inject({ url: BASE })).json()).toEqual({ latest: '1.1.0', beta: '1.1.0' });
    const rm = await app.inject({
      method: 'DELETE',
      url: `${BASE}/beta`,
      headers: { authorization: `Bearer ${deqing}` },
    });
    expect(rm.statusCode).toBe(200);
    expect((await app.inject({ url: BASE })).json()).toEqual({ latest: '1.1.0' });
  });

  it('moves latest back to an older approved version, which the catalog then offers', async () => {
    const current = async () => (await app.inject({ url: '/-/cunmen/v1/catalog' })).json().items[0].version;
    expect(await current()).toBe('1.1.0');
    expect((await putTag('latest', '1.0.0')).statusCode).toBe(201);
    const doc = (await app.inject({ url: `/${NAME.replace('/', '%2f')}` })).json();
    expect(doc['dist-tags']).toEqual({ latest: '1.0.0' });
    expect(await current()).toBe('1.0.0');
    expect((await putTag('latest', '1.1.0')).statusCode).toBe(201);
    expect(await current()).toBe('1.1.0');
  });

  it('records every change of a tag in the audit log, with who made it', async () => {
    expect((await putTag('audited', '1.0.0')).statusCode).toBe(201);
    const rm = await app.inject({
      method: 'DELETE',
      url: `${BASE}/audited`,
      headers: { authorization: `Bearer ${deqing}` },
    });
    expect(rm.statusCode).toBe(200);
    const tags = (await r.storage.audit.list()).filter((e) => e.action.startsWith('dist-tag.'));
    expect(tags.slice(-2).map((e) => [e.actor, e.action, e.subject, e.detail])).toEqual([
      ['dq', 'dist-tag.add', NAME, { tag: 'audited', version: '1.0.0' }],
      ['dq', 'dist-tag.rm', NAME, { tag: 'audited' }],
    ]);
  });

  it('refuses a pending version, another scope, a version-like tag and removing latest', async () => {
    expect((await putTag('next', '2.0.0')).json()).toEqual(
      errorBody('REG_ERR_NOT_FOUND', `${NAME}@2.0.0 is not an approved version`),
    );
    const other = await putTag('next', '1.1.0', anji);
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe(
      npmText('REG_ERR_FORBIDDEN_SCOPE', 'a token for scope @anji cannot change dist-tags of scope @deqing'),
    );
    const semverTag = await putTag('1.0.0', '1.1.0');
    expect(semverTag.statusCode).toBe(400);
    expect(semverTag.json().error).toBe(
      npmText('REG_ERR_BAD_REQUEST', '"1.0.0" is not a valid dist-tag (a name such as beta, not a version)'),
    );
    const latest = await app.inject({
      method: 'DELETE',
      url: `${BASE}/latest`,
      headers: { authorization: `Bearer ${deqing}` },
    });
    expect(latest.statusCode).toBe(400);
    expect(latest.json().error).toBe(npmText('REG_ERR_BAD_REQUEST', 'the latest tag cannot be removed'));
    expect((await putTag('next', 2)).json()).toEqual(
      errorBody(
        'REG_ERR_BAD_REQUEST',
        '(body): expected a JSON string naming a version, e.g. "1.2.3"',
        '(body)',
      ),
    );
    expect((await app.inject({ url: BASE })).json()).toEqual({ latest: '1.1.0' });
  });
});
