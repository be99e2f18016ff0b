import { CapabilityDeniedError, createHttpHostApi, isCapabilityDenied } from '@cunmen/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type TestRegistry } from '../../test/registry.js';
import { admin, startShell, type TestShell, WUSI, XIANTAN } from '../../test/shell.js';
import { hashPassword } from '../identity/passwords.js';
import type { IdentityRole } from '../identity/roles.js';
import type { SqliteHostStorage } from '../storage/sqlite/host-store.js';
import { mintToken, verifyToken } from './token.js';

const MACHINERY = '@deqing/find-machinery';
const WASTE = '@yiyuan/waste-pickup';
const TOKEN_URL = '/api/host/v1/widget-token';
const PASSWORD = 'correct horse battery';
const JSON_TYPE = { 'content-type': 'application/json' };
/** The smallest PNG: signature + IHDR + IEND. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

let registry: TestRegistry;
let s: TestShell;

beforeAll(async () => {
  registry = await startRegistry();
  // find-machinery asks for store.read and store.write; the province grants only store.read.
  await registry.publish(MACHINERY, '1.0.0', { capabilities: ['store.read', 'store.write'] });
  const approved = await registry.app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/review/${MACHINERY}/1.0.0/approve`,
    headers: { authorization: `Bearer ${registry.tokens.province}` },
    payload: { capabilities: ['store.read'] },
  });
  expect(approved.statusCode).toBe(200);
  await registry.release(WASTE, '1.0.0', {
    title: { 'zh-CN': '垃圾分类预约' },
    exposes: { './Tile': './src/tile.tsx' },
    contributes: [{ slot: 'village.home.tile/v1', expose: './Tile', title: { 'zh-CN': '垃圾预约' } }],
    configSchema: null,
    configDefaults: null,
    capabilities: ['form.submit', 'store.read', 'store.write', 'media.upload', 'user.read', 'points.request'],
  });
  await registry.release(WASTE, '1.1.0', {
    exposes: { './Tile': './src/tile.tsx' },
    contributes: [{ slot: 'village.home.tile/v1', expose: './Tile' }],
    configSchema: null,
    configDefaults: null,
    capabilities: ['store.read'],
  });
  s = await startShell({ registryUrl: registry.url, registryToken: registry.tokens.province });
  const saved = await s.app.inject({
    method: 'PUT',
    url: `/api/portals/${XIANTAN}`,
    headers: admin,
    payload: {
      title: { 'zh-CN': '仙潭村门户' },
      widgets: [
        { name: MACHINERY, version: '1.0.0', placements: [{ slot: 'village.home.tile/v1' }] },
        { name: WASTE, version: '1.0.0', placements: [{ slot: 'village.home.tile/v1' }] },
      ],
    },
  });
  expect(saved.statusCode).toBe(200);
  const users: [string, string, IdentityRole, string | null][] = [
    ['13812345678', '张建华', 'resident', 'H-0012'],
    ['lisi', '李四', 'resident', 'H-0013'],
    ['nohome', '王五', 'resident', null],
    ['cadre', '赵村长', 'village-cadre', null],
  ];
  for (const [name, displayName, role, household] of users) {
    await s.app.shell.storage.identity.createUser({
      name,
      displayName,
      role,
      division: XIANTAN,
      household,
      passwordHash: await hashPassword(PASSWORD),
    });
  }
}, 60_000);

afterAll(async () => {
  await s?.close();
  await registry?.close();
});

interface Session {
  cookie: string;
  csrf: string;
}

const sessions = new Map<string, Session>();
const tokens = new Map<string, string>();

/** Signs in once per user (sign-in is rate-limited per address). */
async function login(name: string): Promise<Session> {
  const known = sessions.get(name);
  if (known) return known;
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { name, password: PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'cunmen_session');
  const session = { cookie: `cunmen_session=${cookie?.value}`, csrf: res.json().csrfToken };
  sessions.set(name, session);
  return session;
}

function mint(body: unknown, headers: Record<string, string> = {}, session?: Session) {
  return s.app.inject({
    method: 'POST',
    url: TOKEN_URL,
    headers: {
      ...JSON_TYPE,
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      ...headers,
    },
    payload: JSON.stringify(body),
  });
}

/** One credential per widget and session (minting is rate-limited per address too). */
async function tokenFor(widget: string, session?: Session): Promise<string> {
  const cacheKey = `${widget} ${session?.cookie ?? ''}`;
  const known = tokens.get(cacheKey);
  if (known) return known;
  const res = await mint({ village: XIANTAN, widget, version: '1.0.0' }, {}, session);
  expect(res.statusCode, res.body).toBe(200);
  tokens.set(cacheKey, res.json().token);
  return res.json().token;
}

function call(token: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown) {
  return s.app.inject({
    method,
    url: `/api/host/v1${path}`,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : JSON_TYPE) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

function expectShellError(res: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ code, error: expect.any(String) });
  expect(body.message).toEqual({ 'zh-CN': expect.any(String), en: expect.any(String) });
  return body;
}

/** The SDK's error shape: `message` is the zh-CN string, with the request id. */
function expectHostError(res: { statusCode: number; json(): unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({
    code,
    error: expect.any(String),
    message: expect.any(String),
    requestId: expect.any(String),
  });
  return body;
}

describe('POST /api/host/v1/widget-token', () => {
  it('mints a 15-minute credential for a widget of the current portal, anonymous or signed in', async () => {
    const before = Date.now();
    const res = await mint({ village: XIANTAN, widget: WASTE, version: '1.0.0' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { token, expiresAt } = res.json();
    expect(token).toMatch(/^cmw1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const expires = Date.parse(expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(15 * 60_000 + 5000);
    const key = await s.app.shell.storage.host.credentialKey();
    const check = verifyToken(key, token);
    expect(check).toMatchObject({
      ok: true,
      claims: { village: XIANTAN, widget: WASTE, version: '1.0.0', user: null },
    });

    const resident = await login('lisi');
    const signed = await mint({ village: XIANTAN, widget: MACHINERY, version: '1.0.0' }, {}, resident);
    expect(signed.statusCode).toBe(200);
    const claims = verifyToken(key, signed.json().token);
    // Bound to the GRANTED capabilities of the snapshot, not the requested ones.
    expect(claims).toMatchObject({
      ok: true,
      claims: { capabilities: ['store.read'], user: expect.any(Number) },
    });
    // Same-origin browsers' headers are accepted.
    const browser = await mint(
      { village: XIANTAN, widget: WASTE, version: '1.0.0' },
      { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
    );
    expect(browser.statusCode).toBe(200);
  });

  it.each([
    [
      'an unknown village',
      { village: '330521999999', widget: WASTE, version: '1.0.0' },
      404,
      'SHELL_ERR_UNKNOWN_VILLAGE',
    ],
    [
      'a malformed village code',
      { village: '3305', widget: WASTE, version: '1.0.0' },
      404,
      'SHELL_ERR_UNKNOWN_VILLAGE',
    ],
    [
      'a village without a portal',
      { village: WUSI, widget: WASTE, version: '1.0.0' },
      404,
      'SHELL_ERR_NO_PORTAL',
    ],
    [
      'a widget not in the portal',
      { village: XIANTAN, widget: '@deqing/other', version: '1.0.0' },
      404,
      'SHELL_ERR_WIDGET_NOT_IN_PORTAL',
    ],
    [
      'another version',
      { village: XIANTAN, widget: WASTE, version: '1.1.0' },
      409,
      'SHELL_ERR_WIDGET_VERSION_MISMATCH',
    ],
    ['a missing field', { village: XIANTAN, widget: WASTE }, 400, 'SHELL_ERR_BAD_REQUEST'],
    [
      'an unknown field',
      { village: XIANTAN, widget: WASTE, version: '1.0.0', user: 1 },
      400,
      'SHELL_ERR_BAD_REQUEST',
    ],
    [
      'a number for a string',
      { village: XIANTAN, widget: 5, version: '1.0.0' },
      400,
      'SHELL_ERR_BAD_REQUEST',
    ],
  ])('refuses %s', async (_what, body, status, code) => {
    const res = await mint(body);
    const error = expectShellError(res, status, code);
    expect(res.json().token).toBeUndefined();
    if (code === 'SHELL_ERR_WIDGET_VERSION_MISMATCH')
      expect(error.error).toMatch(/uses @yiyuan\/waste-pickup@1\.0\.0/);
    if (code === 'SHELL_ERR_BAD_REQUEST') expect(error.field).toBeDefined();
  });

  it('refuses cross-site requests: wrong content type, foreign Origin or Sec-Fetch-Site, with or without a session', async () => {
    const body = JSON.stringify({ village: XIANTAN, widget: WASTE, version: '1.0.0' });
    const plain = await s.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      headers: { 'content-type': 'text/plain' },
      payload: body,
    });
    expectShellError(plain, 403, 'SHELL_ERR_CSRF');
    const good = { village: XIANTAN, widget: WASTE, version: '1.0.0' };
    expectShellError(await mint(good, { origin: 'https://evil.example' }), 403, 'SHELL_ERR_CSRF');
    expectShellError(await mint(good, { origin: 'null' }), 403, 'SHELL_ERR_CSRF');
    expectShellError(await mint(good, { 'sec-fetch-site': 'cross-site' }), 403, 'SHELL_ERR_CSRF');
    // A signed-in resident's cookie rides along only from our own page: the portal holds no session CSRF
    // token, so the Origin / Sec-Fetch-Site checks are what stop another site.
    const resident = await login('lisi');
    expect((await mint(good, { cookie: resident.cookie })).statusCode).toBe(200);
    expectShellError(
      await mint(good, { cookie: resident.cookie, origin: 'https://evil.example' }),
      403,
      'SHELL_ERR_CSRF',
    );
    expectShellError(
      await mint(good, { cookie: resident.cookie, 'sec-fetch-site': 'cross-site' }),
      403,
      'SHELL_ERR_CSRF',
    );
  });
});

describe('widget credentials on host-API calls', () => {
  it('answers 401 for a missing, malformed, forged, tampered or expired credential', async () => {
    const token = await tokenFor(WASTE);
    const key = await s.app.shell.storage.host.credentialKey();
    const noAuth = await s.app.inject({ url: '/api/host/v1/store/bookings' });
    expectHostError(noAuth, 401, 'SHELL_ERR_TOKEN_INVALID');
    expectHostError(await call('not-a-token', 'GET', '/store/bookings'), 401, 'SHELL_ERR_TOKEN_INVALID');
    const forged = mintToken(Buffer.alloc(32, 7), {
      village: XIANTAN,
      widget: WASTE,
      version: '1.0.0',
      capabilities: ['store.read'],
      user: null,
      iat: Date.now(),
      exp: Date.now() + 60_000,
    });
    expectHostError(await call(forged, 'GET', '/store/bookings'), 401, 'SHELL_ERR_TOKEN_INVALID');
    // Claims rewritten (another user) but the MAC kept.
    const [prefix, payload, mac] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const tampered = `${prefix}.${Buffer.from(JSON.stringify({ ...claims, user: 1 })).toString('base64url')}.${mac}`;
    expectHostError(await call(tampered, 'GET', '/me'), 401, 'SHELL_ERR_TOKEN_INVALID');
    const expired = mintToken(key, { ...claims, iat: Date.now() - 20 * 60_000, exp: Date.now() - 1 });
    const res = await call(expired, 'GET', '/store/bookings');
    expectHostError(res, 401, 'SHELL_ERR_TOKEN_EXPIRED');
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
  });

  it('checks the GRANTED capabilities of the current snapshot: 403 naming it, no data read or written', async () => {
    const resident = await login('lisi');
    const waste = await tokenFor(WASTE, resident);
    const machinery = await tokenFor(MACHINERY, resident);
    expect((await call(machinery, 'GET', '/store/owners')).statusCode).toBe(200);

    const write = await call(machinery, 'POST', '/store/owners', { data: { name: '张三' } });
    const body = expectHostError(write, 403, 'SHELL_ERR_CAPABILITY_DENIED');
    expect(body).toMatchObject({ capability: 'store.write', widget: MACHINERY });
    expect(body.message).toContain('store.write');
    expectHostError(
      await call(machinery, 'PUT', '/store/owners/a1', { data: {} }),
      403,
      'SHELL_ERR_CAPABILITY_DENIED',
    );
    expectHostError(await call(machinery, 'DELETE', '/store/owners/a1'), 403, 'SHELL_ERR_CAPABILITY_DENIED');
    const me = await call(machinery, 'GET', '/me');
    expect(expectHostError(me, 403, 'SHELL_ERR_CAPABILITY_DENIED')).toMatchObject({
      capability: 'user.read',
    });
    expect(me.body).not.toContain('李');
    for (const [path, capability] of [
      ['/forms/pickup', 'form.submit'],
      ['/points/requests', 'points.request'],
    ] as const) {
      const res = await call(machinery, 'POST', path, { data: {}, item: 'x' });
      expect(expectHostError(res, 403, 'SHELL_ERR_CAPABILITY_DENIED')).toMatchObject({ capability });
    }
    // A validly signed credential claiming more than the snapshot grants gets no more.
    const key = await s.app.shell.storage.host.credentialKey();
    const check = verifyToken(key, machinery);
    if (!check.ok) throw new Error('token');
    const greedy = mintToken(key, {
      ...check.claims,
      capabilities: ['store.read', 'store.write', 'user.read'],
    });
    expectHostError(
      await call(greedy, 'POST', '/store/owners', { data: { name: '张三' } }),
      403,
      'SHELL_ERR_CAPABILITY_DENIED',
    );
    expectHostError(await call(greedy, 'GET', '/me'), 403, 'SHELL_ERR_CAPABILITY_DENIED');
    expect(await s.app.shell.storage.host.usage(XIANTAN, MACHINERY)).toEqual({ docs: 0, bytes: 0 });
    expect(await s.app.shell.storage.host.listSubmissions(XIANTAN, MACHINERY)).toEqual([]);
    // The waste widget's own store is not the machinery widget's.
    expect((await call(waste, 'POST', '/store/owners', { data: { n: 1 } })).statusCode).toBe(201);
    expect((await call(machinery, 'GET', '/store/owners')).json().items).toEqual([]);
  });
});

describe('the document store', () => {
  it('creates, reads, replaces with optimistic concurrency, and removes documents', async () => {
    const zhang = await login('13812345678');
    const token = await tokenFor(WASTE, zhang);
    const created = await call(token, 'POST', '/store/bookings', { data: { kind: 'bulky', quantity: 2 } });
    expect(created.statusCode).toBe(201);
    const doc = created.json();
    expect(doc).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      data: { kind: 'bulky', quantity: 2 },
      version: 1,
      createdAt: expect.any(String),
      updatedAt: doc.createdAt,
    });
    expect((await call(token, 'GET', `/store/bookings/${doc.id}`)).json()).toEqual(doc);

    const v2 = await call(token, 'PUT', `/store/bookings/${doc.id}`, {
      data: { kind: 'bulky', quantity: 3 },
      ifVersion: 1,
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json()).toMatchObject({
      id: doc.id,
      version: 2,
      data: { quantity: 3 },
      createdAt: doc.createdAt,
    });
    const stale = await call(token, 'PUT', `/store/bookings/${doc.id}`, {
      data: { quantity: 9 },
      ifVersion: 1,
    });
    expectHostError(stale, 409, 'SHELL_ERR_VERSION_CONFLICT');
    expect((await call(token, 'GET', `/store/bookings/${doc.id}`)).json().data.quantity).toBe(3);
    // put creates a missing document, unless ifVersion is given.
    expectHostError(
      await call(token, 'PUT', '/store/bookings/missing-1', { data: 1, ifVersion: 1 }),
      409,
      'SHELL_ERR_VERSION_CONFLICT',
    );
    const made = await call(token, 'PUT', '/store/bookings/made-1', { data: 'x' });
    expect(made.statusCode).toBe(200);
    expect(made.json()).toMatchObject({ id: 'made-1', version: 1, data: 'x' });

    // Another resident may read but not change it; a cadre of the village may.
    const li = await tokenFor(WASTE, await login('lisi'));
    expect((await call(li, 'GET', `/store/bookings/${doc.id}`)).statusCode).toBe(200);
    expectHostError(
      await call(li, 'PUT', `/store/bookings/${doc.id}`, { data: {} }),
      403,
      'SHELL_ERR_FORBIDDEN',
    );
    expectHostError(await call(li, 'DELETE', `/store/bookings/${doc.id}`), 403, 'SHELL_ERR_FORBIDDEN');
    const cadre = await tokenFor(WASTE, await login('cadre'));
    const closed = await call(cadre, 'PUT', `/store/bookings/${doc.id}`, {
      data: { status: 'closed' },
      ifVersion: 2,
    });
    expect(closed.json()).toMatchObject({ version: 3, data: { status: 'closed' } });
    // Writes need a signed-in resident.
    const anonymous = await tokenFor(WASTE);
    expectHostError(
      await call(anonymous, 'POST', '/store/bookings', { data: {} }),
      401,
      'SHELL_ERR_SIGN_IN_REQUIRED',
    );
    expect((await call(anonymous, 'GET', `/store/bookings/${doc.id}`)).statusCode).toBe(200);

    // The cookie plays no part in host-API calls: no CSRF token needed, and it signs nobody in.
    const cookieRiding = await s.app.inject({
      method: 'POST',
      url: '/api/host/v1/store/bookings',
      headers: { authorization: `Bearer ${anonymous}`, cookie: (await login('cadre')).cookie, ...JSON_TYPE },
      payload: JSON.stringify({ data: {} }),
    });
    expectHostError(cookieRiding, 401, 'SHELL_ERR_SIGN_IN_REQUIRED');
    const withCookie = await s.app.inject({
      method: 'POST',
      url: '/api/host/v1/store/bookings',
      headers: { authorization: `Bearer ${token}`, cookie: zhang.cookie, ...JSON_TYPE },
      payload: JSON.stringify({ data: { n: 1 } }),
    });
    expect(withCookie.statusCode).toBe(201);

    const removed = await call(token, 'DELETE', `/store/bookings/${doc.id}`);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect((await call(token, 'DELETE', `/store/bookings/${doc.id}`)).statusCode).toBe(204);
    expectHostError(await call(token, 'GET', `/store/bookings/${doc.id}`), 404, 'SHELL_ERR_NOT_FOUND');
  });

  it('lists newest first in pages with an opaque cursor', async () => {
    const token = await tokenFor(WASTE, await login('lisi'));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await call(token, 'POST', '/store/pages', { data: { i } })).json().id);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${encodeURIComponent(cursor)}`;
      const res = await call(token, 'GET', `/store/pages${query}`);
      expect(res.statusCode).toBe(200);
      const page = res.json();
      seen.push(...page.items.map((d: { data: { i: number } }) => d.data.i));
      cursor = page.nextCursor;
      pages++;
    } while (cursor !== null);
    expect(seen).toEqual([4, 3, 2, 1, 0]);
    expect(pages).toBe(3);
    const all = (await call(token, 'GET', '/store/pages')).json();
    expect(all.items).toHaveLength(5);
    expect(all.nextCursor).toBeNull();
    expect(all.items[0].id).toBe(ids[4]);
  });

  it.each([
    ['GET', '/store/Bad_Name', 'collection', undefined],
    ['GET', '/store/pages?limit=0', 'limit', undefined],
    ['GET', '/store/pages?limit=101', 'limit', undefined],
    ['GET', '/store/pages?limit=ten', 'limit', undefined],
    ['GET', '/store/pages?cursor=nonsense', 'cursor', undefined],
    ['GET', '/store/pages?sort=asc', 'sort', undefined],
    ['GET', '/store/pages/-bad', 'id', undefined],
    ['POST', '/store/pages', 'nodata', { nodata: 1 }],
    ['POST', '/store/pages', 'data', {}],
    ['POST', '/store/pages', '(body)', [1, 2]],
    ['PUT', '/store/pages/abc', 'ifVersion', { data: 1, ifVersion: 0 }],
    ['PUT', '/store/pages/abc', 'ifVersion', { data: 1, ifVersion: '1' }],
    ['POST', '/forms/Pickup', 'formId', { data: {} }],
  ] as const)('refuses %s %s with a 400 naming %s, changing nothing', async (method, path, field, body) => {
    const token = await tokenFor(WASTE, await login('lisi'));
    const before = await s.app.shell.storage.host.usage(XIANTAN, WASTE);
    const res = await call(token, method, path, body);
    expect(expectHostError(res, 400, 'SHELL_ERR_INVALID_ARGUMENT')).toMatchObject({ field });
    expect(await s.app.shell.storage.host.usage(XIANTAN, WASTE)).toEqual(before);
  });

  it('refuses a document over 64 KB (413) and bodies that are not JSON', async () => {
    const token = await tokenFor(WASTE, await login('lisi'));
    const big = await call(token, 'POST', '/store/big', { data: 'x'.repeat(64 * 1024) });
    expect(expectHostError(big, 413, 'SHELL_ERR_DOC_TOO_LARGE')).toMatchObject({ field: 'data' });
    expect((await call(token, 'POST', '/store/big', { data: 'x'.repeat(60 * 1024) })).statusCode).toBe(201);
    const huge = await call(token, 'POST', '/store/big', { data: 'x'.repeat(2 * 1024 * 1024) });
    expectHostError(huge, 413, 'SHELL_ERR_BODY_TOO_LARGE');
    const broken = await s.app.inject({
      method: 'POST',
      url: '/api/host/v1/store/big',
      headers: { authorization: `Bearer ${token}`, ...JSON_TYPE },
      payload: '{"data":',
    });
    expectHostError(broken, 400, 'SHELL_ERR_BAD_REQUEST');
    const form = await s.app.inject({
      method: 'POST',
      url: '/api/host/v1/store/big',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'data=1',
    });
    expectHostError(form, 415, 'SHELL_ERR_MEDIA_TYPE');
  });

  it('keeps each widget within its quota per village, in the same transaction as the write', async () => {
    const host = s.app.shell.storage.host as SqliteHostStorage;
    const scope = { village: WUSI, widget: '@deqing/quota', collection: 'c' };
    const quota = { maxDocs: 2, maxBytes: 20 };
    const at = new Date().toISOString();
    expect((await host.createDoc(scope, 'a', { data: '"12345"', by: 1, at }, quota)).ok).toBe(true);
    expect((await host.createDoc(scope, 'b', { data: '"12345"', by: 1, at }, quota)).ok).toBe(true);
    expect(await host.createDoc(scope, 'c', { data: '1', by: 1, at }, quota)).toEqual({
      ok: false,
      reason: 'quota',
    });
    const grow = await host.putDoc(scope, 'a', { data: `"${'x'.repeat(20)}"`, by: 1, at }, quota, () => true);
    expect(grow).toEqual({ ok: false, reason: 'quota' });
    expect((await host.putDoc(scope, 'a', { data: '1', by: 1, at }, quota, () => true)).ok).toBe(true);
    expect(await host.usage(WUSI, '@deqing/quota')).toEqual({ docs: 2, bytes: 8 });
  });
});

describe('forms, points and media', () => {
  it('stores a form submission and rate-limits submissions per widget and user', async () => {
    const token = await tokenFor(WASTE, await login('nohome'));
    const res = await call(token, 'POST', '/forms/pickup', {
      data: { kind: 'bulky', address: '仙潭村 3 组' },
    });
    expect(res.statusCode).toBe(201);
    const receipt = res.json();
    expect(receipt).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), receivedAt: expect.any(String) });
    const stored = await s.app.shell.storage.host.listSubmissions(XIANTAN, WASTE);
    expect(stored.find((f) => f.id === receipt.id)).toMatchObject({
      formId: 'pickup',
      widgetVersion: '1.0.0',
      data: JSON.stringify({ kind: 'bulky', address: '仙潭村 3 组' }),
      userId: expect.any(Number),
    });
    for (let i = 1; i < 10; i++)
      expect((await call(token, 'POST', '/forms/pickup', { data: { i } })).statusCode).toBe(201);
    const limited = await call(token, 'POST', '/forms/pickup', { data: { i: 10 } });
    expect(expectHostError(limited, 429, 'SHELL_ERR_RATE_LIMITED').message).toMatch(/请求过于频繁/);
    expect((await s.app.shell.storage.host.listSubmissions(XIANTAN, WASTE)).length).toBe(stored.length + 9);
    // Anonymous residents may submit too (limited by address).
    const anonymous = await call(await tokenFor(WASTE), 'POST', '/forms/complaint', {
      data: { text: '路灯坏了' },
    });
    expect(anonymous.statusCode).toBe(201);
  });

  it('records a points request for the resident household, refusing others and bad input', async () => {
    const zhang = await tokenFor(WASTE, await login('13812345678'));
    const ok = await call(zhang, 'POST', '/points/requests', { item: '垃圾分类', quantity: 2, note: '每周' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ id: expect.any(String), status: 'pending' });
    const recorded = await s.app.shell.storage.host.listPointsRequests(XIANTAN);
    expect(recorded.find((r) => r.id === ok.json().id)).toMatchObject({
      householdId: 'H-0012',
      quantity: 2,
      item: '垃圾分类',
    });
    expectHostError(
      await call(zhang, 'POST', '/points/requests', { item: 'x', householdId: 'H-0013' }),
      403,
      'SHELL_ERR_FORBIDDEN',
    );
    expect(
      expectHostError(
        await call(zhang, 'POST', '/points/requests', { item: '' }),
        400,
        'SHELL_ERR_INVALID_ARGUMENT',
      ),
    ).toMatchObject({ field: 'item' });
    expect(
      expectHostError(
        await call(zhang, 'POST', '/points/requests', { item: 'x', quantity: 1.5 }),
        400,
        'SHELL_ERR_INVALID_ARGUMENT',
      ),
    ).toMatchObject({ field: 'quantity' });
    expect(
      expectHostError(
        await call(zhang, 'POST', '/points/requests', { item: 'x', evidence: ['nope'] }),
        400,
        'SHELL_ERR_INVALID_ARGUMENT',
      ),
    ).toMatchObject({ field: 'evidence[0]' });
    const noHome = await tokenFor(WASTE, await login('nohome'));
    expect(
      expectHostError(
        await call(noHome, 'POST', '/points/requests', { item: 'x' }),
        400,
        'SHELL_ERR_INVALID_ARGUMENT',
      ),
    ).toMatchObject({ field: 'householdId' });
    expectHostError(
      await call(await tokenFor(WASTE), 'POST', '/points/requests', { item: 'x' }),
      401,
      'SHELL_ERR_SIGN_IN_REQUIRED',
    );
    const cadre = await tokenFor(WASTE, await login('cadre'));
    expect(
      (await call(cadre, 'POST', '/points/requests', { item: 'x', householdId: 'H-0013' })).statusCode,
    ).toBe(201);
    expect((await s.app.shell.storage.host.listPointsRequests(XIANTAN)).length).toBe(recorded.length + 1);
  });

  it('uploads a photo, checks its type and bytes, and serves it', async () => {
    const token = await tokenFor(WASTE, await login('lisi'));
    const upload = (body: Buffer, type: string, filename?: string, auth = token) =>
      s.app.inject({
        method: 'POST',
        url: '/api/host/v1/media',
        headers: {
          authorization: `Bearer ${auth}`,
          'content-type': type,
          ...(filename === undefined ? {} : { 'x-filename': encodeURIComponent(filename) }),
        },
        payload: body,
      });
    const res = await upload(PNG, 'image/png', '旧沙发.png');
    expect(res.statusCode).toBe(201);
    const { id, url } = res.json();
    expect(url).toBe(`/api/host/v1/media/${id}`);
    const served = await s.app.inject({ url });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.rawPayload.equals(PNG)).toBe(true);
    // Evidence for a points request may name it.
    expect(
      (await call(token, 'POST', '/points/requests', { item: '垃圾分类', evidence: [id] })).statusCode,
    ).toBe(201);

    expectHostError(
      await upload(Buffer.from('<script>alert(1)</script>'), 'text/html', 'x.html'),
      415,
      'SHELL_ERR_MEDIA_TYPE',
    );
    expectHostError(await upload(Buffer.from('<svg/>'), 'image/png', 'x.png'), 415, 'SHELL_ERR_MEDIA_TYPE');
    expect(expectHostError(await upload(PNG, 'image/png'), 400, 'SHELL_ERR_INVALID_ARGUMENT')).toMatchObject({
      field: 'x-filename',
    });
    expectHostError(await upload(PNG, 'image/png', 'a/b.png'), 400, 'SHELL_ERR_INVALID_ARGUMENT');
    expectHostError(
      await upload(Buffer.alloc(6 * 1024 * 1024, 0xff), 'image/jpeg', 'big.jpg'),
      413,
      'SHELL_ERR_BODY_TOO_LARGE',
    );
    expectHostError(
      await upload(PNG, 'image/png', 'a.png', await tokenFor(WASTE)),
      401,
      'SHELL_ERR_SIGN_IN_REQUIRED',
    );
    expectShellError(await s.app.inject({ url: '/api/host/v1/media/0000' }), 404, 'SHELL_ERR_NOT_FOUND');
  });
});

describe('GET /api/host/v1/me', () => {
  it('gives the signed-in resident masked: no login name, phone or ID-card number, an opaque id', async () => {
    const res = await call(await tokenFor(WASTE, await login('13812345678')), 'GET', '/me');
    expect(res.statusCode).toBe(200);
    const { user } = res.json();
    expect(user).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      displayName: '张*华',
      role: 'resident',
      householdId: 'H-0012',
    });
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('建');
    // The same person gets the same id with every credential.
    const fresh = await mint(
      { village: XIANTAN, widget: WASTE, version: '1.0.0' },
      {},
      await login('13812345678'),
    );
    const again = (await call(fresh.json().token, 'GET', '/me')).json();
    expect(again.user.id).toBe(user.id);
    const cadre = (await call(await tokenFor(WASTE, await login('cadre')), 'GET', '/me')).json();
    expect(cadre.user).toEqual({ id: expect.any(String), displayName: '赵*长', role: 'cadre' });
  });

  it('answers { user: null } for an anonymous resident', async () => {
    const res = await call(await tokenFor(WASTE), 'GET', '/me');
    expect(res.json()).toEqual({ user: null });
  });
});

describe('the SDK client against the server', () => {
  it('createHttpHostApi from @cunmen/sdk speaks the same protocol, over a real port', async () => {
    const server = await startShell({ registryUrl: registry.url, registryToken: registry.tokens.province });
    try {
      const saved = await server.app.inject({
        method: 'PUT',
        url: `/api/portals/${XIANTAN}`,
        headers: admin,
        payload: {
          widgets: [
            { name: MACHINERY, version: '1.0.0', placements: [{ slot: 'village.home.tile/v1' }] },
            { name: WASTE, version: '1.0.0', placements: [{ slot: 'village.home.tile/v1' }] },
          ],
        },
      });
      expect(saved.statusCode).toBe(200);
      await server.app.shell.storage.identity.createUser({
        name: 'wangwu',
        displayName: '王小五',
        role: 'resident',
        division: XIANTAN,
        household: 'H-0099',
        passwordHash: await hashPassword(PASSWORD),
      });
      const address = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const signIn = await fetch(`${address}/api/auth/login`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ name: 'wangwu', password: PASSWORD }),
      });
      const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      // What shell/web's widgetCredential does, plus the x-csrf-token a signed-in session needs.
      const credential = (widget: string) => async () => {
        const res = await fetch(`${address}${TOKEN_URL}`, {
          method: 'POST',
          headers: { ...JSON_TYPE, accept: 'application/json', cookie, 'x-csrf-token': csrfToken },
          body: JSON.stringify({ village: XIANTAN, widget, version: '1.0.0' }),
        });
        return ((await res.json()) as { token: string }).token;
      };
      const api = createHttpHostApi({ baseUrl: address, credential: credential(WASTE) });

      expect(await api.me()).toEqual({
        id: expect.any(String),
        displayName: '王*五',
        role: 'resident',
        householdId: 'H-0099',
      });
      const doc = await api.store.create('bookings', { kind: 'bulky' });
      expect(doc).toMatchObject({ version: 1, data: { kind: 'bulky' } });
      expect(await api.store.get('bookings', doc.id)).toEqual(doc);
      expect(await api.store.get('bookings', 'no-such-doc')).toBeNull();
      const v2 = await api.store.put('bookings', doc.id, { kind: 'recyclable' }, { ifVersion: 1 });
      expect(v2.version).toBe(2);
      const conflict = await api.store.put('bookings', doc.id, {}, { ifVersion: 1 }).catch((e: unknown) => e);
      expect(conflict).toMatchObject({
        code: 'SHELL_ERR_VERSION_CONFLICT',
        status: 409,
        message: '数据已被他人修改，请刷新后重试',
      });
      await api.store.create('bookings', { kind: 'second' });
      const first = await api.store.list('bookings', { limit: 1 });
      expect(first.items.map((d) => (d.data as { kind: string }).kind)).toEqual(['second']);
      const rest = await api.store.list('bookings', { limit: 1, cursor: first.nextCursor });
      expect(rest.items[0]?.id).toBe(doc.id);
      expect(rest.nextCursor).toBeNull();
      await api.store.remove('bookings', doc.id);
      await api.store.remove('bookings', doc.id);
      expect(await api.store.get('bookings', doc.id)).toBeNull();
      expect(await api.forms.submit('pickup', { kind: 'bulky' })).toEqual({
        id: expect.any(String),
        receivedAt: expect.any(String),
      });
      const photo = await api.media.upload(new Blob([PNG], { type: 'image/png' }), { filename: '照片.png' });
      expect(photo.url).toBe(`/api/host/v1/media/${photo.id}`);
      expect(await api.points.request({ item: '垃圾分类', evidence: [photo.id] })).toEqual({
        id: expect.any(String),
        status: 'pending',
      });
      const wrongType = await api.media
        .upload(new Blob(['hi'], { type: 'text/plain' }), { filename: 'a.txt' })
        .catch((e: unknown) => e);
      expect(wrongType).toMatchObject({ code: 'SHELL_ERR_MEDIA_TYPE', status: 415 });

      const machinery = createHttpHostApi({ baseUrl: address, credential: credential(MACHINERY) });
      const denied = await machinery.store.create('owners', { name: '张三' }).catch((e: unknown) => e);
      expect(isCapabilityDenied(denied)).toBe(true);
      expect(denied).toBeInstanceOf(CapabilityDeniedError);
      expect(denied).toMatchObject({ capability: 'store.write', status: 403, requestId: expect.any(String) });
      expect((await machinery.store.list('owners')).items).toEqual([]);

      // The portal drops the widget: its credential stops working at once, and no new one is issued.
      const held = createHttpHostApi({ baseUrl: address, credential: await credential(WASTE)() });
      expect((await held.store.list('bookings')).items.length).toBe(1);
      const dropped = await server.app.inject({
        method: 'PUT',
        url: `/api/portals/${XIANTAN}`,
        headers: admin,
        payload: {
          widgets: [{ name: MACHINERY, version: '1.0.0', placements: [{ slot: 'village.home.tile/v1' }] }],
        },
      });
      expect(dropped.statusCode).toBe(200);
      expect(await held.store.list('bookings').catch((e: unknown) => e)).toMatchObject({
        code: 'SHELL_ERR_TOKEN_EXPIRED',
        status: 401,
      });
      const refused = await fetch(`${address}${TOKEN_URL}`, {
        method: 'POST',
        headers: JSON_TYPE,
        body: JSON.stringify({ village: XIANTAN, widget: WASTE, version: '1.0.0' }),
      });
      expect(refused.status).toBe(404);

      const stale = createHttpHostApi({ baseUrl: address, credential: 'cmw1.e30.AAAA' });
      expect(await stale.store.list('owners').catch((e: unknown) => e)).toMatchObject({
        code: 'SHELL_ERR_TOKEN_INVALID',
        status: 401,
      });
    } finally {
      await server.close();
    }
  });
});
