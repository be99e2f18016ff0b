/**
 * The registry's authorisation matrix (issue #14): every state-changing route, from Fastify's own route
 * table, × every role. A caller the table does not allow is refused with the exact code, identically
 * whether the package exists or not, and nothing changes (audit log, versions, dist-tags); a caller it
 * allows gets the route's answer, so the refusals are authorisation's and not a malformed request's. A
 * route missing from the table fails the test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUTHORIZATION_TABLE,
  MATRIX_ROLES,
  type MatrixRequest,
  type MatrixRole,
  type Target,
  type Variant,
} from '../../test/authorization-table.js';
import { injectPublish } from '../../test/fixtures.js';
import { type TestRegistry, testRegistry } from '../../test/registry.js';
import { createAccount } from '../services/accounts.js';
import { OPERATOR } from '../services/actor.js';

const STATE_CHANGING = new Set(['PUT', 'POST', 'DELETE', 'PATCH']);
const routes = new Set<string>();
let r: TestRegistry;
let tokens: Record<Exclude<MatrixRole, 'anonymous'>, string>;
let seeded = 0;

const target = (name: string): Target => ({ name, enc: name.replace('/', '%2f') });
const FIXTURE = target('@deqing/find-machinery');
const GHOST = target('@deqing/no-such-widget');

/** A package in every state the table's requests need: approved, pending, unpublished, a `beta` tag. */
async function seed(t: Target): Promise<void> {
  const as = (token: string) => ({ authorization: `Bearer ${token}` });
  for (const version of ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0']) {
    const res = await injectPublish(r.app, tokens.countyOwn, t.name, version);
    expect(res.statusCode, res.body).toBe(201);
    if (version === '1.2.0') continue;
    const approved = await r.app.inject({
      method: 'POST',
      url: `/-/cunmen/v1/review/${t.name}/${version}/approve`,
      headers: as(tokens.province),
      payload: {},
    });
    expect(approved.statusCode, approved.body).toBe(200);
  }
  await r.storage.packages.markUnpublished(t.name, '1.4.0');
  await r.storage.packages.setDistTag(t.name, 'beta', '1.1.0');
}

beforeAll(async () => {
  r = await testRegistry('cunmen-authz-matrix-', {
    onRoute: (route) => {
      for (const method of [route.method].flat()) {
        if (STATE_CHANGING.has(method)) routes.add(`${method} ${route.url}`);
      }
    },
  });
  const readOnly = await createAccount(r.storage, OPERATOR, {
    name: 'viewer',
    role: 'county',
    county: '330521',
    scope: null,
  });
  const reporter = await createAccount(r.storage, OPERATOR, {
    name: 'shell-usage',
    role: 'usage-reporter',
    county: '330000',
    scope: null,
  });
  tokens = {
    usageReporter: reporter.token,
    countyOwn: r.tokens.deqing,
    countyOther: r.tokens.anji,
    province: r.tokens.province,
    readOnly: readOnly.token,
  };
  await seed(FIXTURE);
}, 60_000);

afterAll(async () => {
  await r?.close();
});

async function send(request: MatrixRequest, role: MatrixRole) {
  const headers: Record<string, string> = {};
  if (role !== 'anonymous') headers.authorization = `Bearer ${tokens[role]}`;
  if (request.contentType) headers['content-type'] = request.contentType;
  return r.app.inject({ method: request.method, url: request.url, headers, payload: request.payload });
}

/** What a refusal says, with the package's name taken out (it names the one asked for). */
async function refusal(request: MatrixRequest, role: MatrixRole, t: Target) {
  const res = await send(request, role);
  const body = res.json();
  return { status: res.statusCode, code: body.code, error: String(body.error).replaceAll(t.name, '<name>') };
}

/** Everything a state change would touch: the audit log (every change is audited), versions and tags. */
async function state(t: Target) {
  return {
    audit: (await r.storage.audit.list()).length,
    versions: (await r.storage.packages.listVersions(t.name)).map((v) => [
      v.version,
      v.status,
      v.deprecated,
      v.yankedAt,
    ]),
    tags: await r.storage.packages.getDistTags(t.name),
    standard: (await r.storage.packages.getPackage(t.name))?.standard,
  };
}

const variants = Object.entries(AUTHORIZATION_TABLE).flatMap(([route, row]) =>
  'variants' in row ? row.variants.map((v): [string, Variant] => [route, v]) : [],
);

describe('the authorisation table', () => {
  it('has a row for every state-changing route the registry registers, and none for routes it does not', () => {
    expect([...routes].sort()).toEqual(Object.keys(AUTHORIZATION_TABLE).sort());
  });

  it('gives a reason for every public route', () => {
    for (const row of Object.values(AUTHORIZATION_TABLE)) {
      if ('public' in row) expect(row.public.length).toBeGreaterThan(20);
    }
  });
});

const refusedCases = variants.flatMap(([route, v]) =>
  MATRIX_ROLES.filter((role) => !v.allowed.includes(role)).map((role) => ({ route, v, role })),
);

describe.each(refusedCases)('$route ($v.label) as $role', ({ v, role }) => {
  it('is refused before any lookup, the same for a missing package, and changes nothing', async () => {
    const before = await state(FIXTURE);
    const existing = await refusal(v.request(FIXTURE), role, FIXTURE);
    const missing = await refusal(v.request(GHOST), role, GHOST);
    if (role === 'anonymous') {
      expect(existing).toMatchObject({ status: 401, code: 'REG_ERR_UNAUTHORIZED' });
    } else {
      expect(existing.status).toBe(403);
      expect(['REG_ERR_FORBIDDEN', 'REG_ERR_FORBIDDEN_SCOPE']).toContain(existing.code);
    }
    expect(missing).toEqual(existing);
    expect(await state(FIXTURE)).toEqual(before);
  });
});

const allowedCases = variants.flatMap(([route, v]) => v.allowed.map((role) => ({ route, v, role })));

describe.each(allowedCases)('$route ($v.label) as $role', ({ v, role }) => {
  it('is allowed', async () => {
    // A package of its own, so allowed changes never alter what the refusals are checked against.
    seeded += 1;
    const own = target(`@deqing/case-${seeded}`);
    await seed(own);
    const res = await send(v.request(own), role);
    expect(res.statusCode, res.body).toBe(v.okStatus);
  }, 30_000);
});
