/** Minting widget credentials, and the credential and capability check of every call. */
import { describe, expect, it } from 'vitest';
import { expectError, hostApiWorld, MACHINERY, TOKEN_URL, WASTE } from '../../../test/host-api.js';
import { WUSI, XIANTAN } from '../../../test/shell.js';
import { mintToken, verifyToken } from '../token.js';

const w = hostApiWorld();

describe('POST /api/host/v1/widget-token', () => {
  it('mints a 15-minute credential for a widget of the current portal, anonymous or signed in', async () => {
    const before = Date.now();
    const res = await w.mint({ village: XIANTAN, widget: WASTE, version: '1.0.0' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { token, expiresAt } = res.json();
    expect(token).toMatch(/^cmw1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const expires = Date.parse(expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(15 * 60_000 + 5000);
    const key = await w.shell.app.shell.storage.host.credentialKey();
    const check = verifyToken(key, token);
    expect(check).toMatchObject({
      ok: true,
      claims: { village: XIANTAN, widget: WASTE, version: '1.0.0', user: null },
    });

    const resident = await w.login('lisi');
    const signed = await w.mint({ village: XIANTAN, widget: MACHINERY, version: '1.0.0' }, {}, resident);
    expect(signed.statusCode).toBe(200);
    const claims = verifyToken(key, signed.json().token);
    // Bound to the GRANTED capabilities of the snapshot, not the requested ones.
    expect(claims).toMatchObject({
      ok: true,
      claims: { capabilities: ['store.read'], user: expect.any(Number) },
    });
    // Same-origin browsers' headers are accepted.
    const browser = await w.mint(
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
    const res = await w.mint(body);
    const error = expectError(res, status, code);
    expect(res.json().token).toBeUndefined();
    if (code === 'SHELL_ERR_WIDGET_VERSION_MISMATCH')
      expect(error.error).toMatch(/uses @yiyuan\/waste-pickup@1\.0\.0/);
    if (code === 'SHELL_ERR_BAD_REQUEST') expect(error.field).toBeDefined();
  });

  it('refuses cross-site requests: wrong content type, foreign Origin or Sec-Fetch-Site, with or without a session', async () => {
    const body = JSON.stringify({ village: XIANTAN, widget: WASTE, version: '1.0.0' });
    const plain = await w.shell.app.inject({
      method: 'POST',
      url: TOKEN_URL,
      headers: { 'content-type': 'text/plain' },
      payload: body,
    });
    expectError(plain, 403, 'SHELL_ERR_CSRF');
    const good = { village: XIANTAN, widget: WASTE, version: '1.0.0' };
    expectError(await w.mint(good, { origin: 'https://evil.example' }), 403, 'SHELL_ERR_CSRF');
    expectError(await w.mint(good, { origin: 'null' }), 403, 'SHELL_ERR_CSRF');
    expectError(await w.mint(good, { 'sec-fetch-site': 'cross-site' }), 403, 'SHELL_ERR_CSRF');
    // A signed-in resident's cookie rides along only from our own page: the portal holds no session CSRF
    // token, so the Origin / Sec-Fetch-Site checks are what stop another site.
    const resident = await w.login('lisi');
    expect((await w.mint(good, { cookie: resident.cookie })).statusCode).toBe(200);
    expectError(
      await w.mint(good, { cookie: resident.cookie, origin: 'https://evil.example' }),
      403,
      'SHELL_ERR_CSRF',
    );
    expectError(
      await w.mint(good, { cookie: resident.cookie, 'sec-fetch-site': 'cross-site' }),
      403,
      'SHELL_ERR_CSRF',
    );
  });
});

describe('widget credentials on host-API calls', () => {
  it('answers 401 for a missing, malformed, forged, tampered or expired credential', async () => {
    const token = await w.tokenFor(WASTE);
    const key = await w.shell.app.shell.storage.host.credentialKey();
    const noAuth = await w.shell.app.inject({ url: '/api/host/v1/store/bookings' });
    expectError(noAuth, 401, 'SHELL_ERR_TOKEN_INVALID');
    expectError(await w.call('not-a-token', 'GET', '/store/bookings'), 401, 'SHELL_ERR_TOKEN_INVALID');
    const forged = mintToken(Buffer.alloc(32, 7), {
      village: XIANTAN,
      widget: WASTE,
      version: '1.0.0',
      capabilities: ['store.read'],
      user: null,
      iat: Date.now(),
      exp: Date.now() + 60_000,
    });
    expectError(await w.call(forged, 'GET', '/store/bookings'), 401, 'SHELL_ERR_TOKEN_INVALID');
    // Claims rewritten (another user) but the MAC kept.
    const [prefix, payload, mac] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const tampered = `${prefix}.${Buffer.from(JSON.stringify({ ...claims, user: 1 })).toString('base64url')}.${mac}`;
    expectError(await w.call(tampered, 'GET', '/me'), 401, 'SHELL_ERR_TOKEN_INVALID');
    const expired = mintToken(key, { ...claims, iat: Date.now() - 20 * 60_000, exp: Date.now() - 1 });
    const res = await w.call(expired, 'GET', '/store/bookings');
    expectError(res, 401, 'SHELL_ERR_TOKEN_EXPIRED');
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
  });

  it('checks the GRANTED capabilities of the current snapshot: 403 naming it, no data read or written', async () => {
    const resident = await w.login('lisi');
    const waste = await w.tokenFor(WASTE, resident);
    const machinery = await w.tokenFor(MACHINERY, resident);
    expect((await w.call(machinery, 'GET', '/store/owners')).statusCode).toBe(200);

    const write = await w.call(machinery, 'POST', '/store/owners', { data: { name: '张三' } });
    const body = expectError(write, 403, 'SHELL_ERR_CAPABILITY_DENIED');
    expect(body).toMatchObject({ capability: 'store.write', widget: MACHINERY });
    expect(body.message).toContain('store.write');
    expectError(
      await w.call(machinery, 'PUT', '/store/owners/a1', { data: {} }),
      403,
      'SHELL_ERR_CAPABILITY_DENIED',
    );
    expectError(await w.call(machinery, 'DELETE', '/store/owners/a1'), 403, 'SHELL_ERR_CAPABILITY_DENIED');
    const me = await w.call(machinery, 'GET', '/me');
    expect(expectError(me, 403, 'SHELL_ERR_CAPABILITY_DENIED')).toMatchObject({
      capability: 'user.read',
    });
    expect(me.body).not.toContain('李');
    for (const [path, capability] of [
      ['/forms/pickup', 'form.submit'],
      ['/points/requests', 'points.request'],
    ] as const) {
      const res = await w.call(machinery, 'POST', path, { data: {}, item: 'x' });
      expect(expectError(res, 403, 'SHELL_ERR_CAPABILITY_DENIED')).toMatchObject({ capability });
    }
    // A validly signed credential claiming more than the snapshot grants gets no more.
    const key = await w.shell.app.shell.storage.host.credentialKey();
    const check = verifyToken(key, machinery);
    if (!check.ok) throw new Error('token');
    const greedy = mintToken(key, {
      ...check.claims,
      capabilities: ['store.read', 'store.write', 'user.read'],
    });
    expectError(
      await w.call(greedy, 'POST', '/store/owners', { data: { name: '张三' } }),
      403,
      'SHELL_ERR_CAPABILITY_DENIED',
    );
    expectError(await w.call(greedy, 'GET', '/me'), 403, 'SHELL_ERR_CAPABILITY_DENIED');
    expect(await w.shell.app.shell.storage.host.usage(XIANTAN, MACHINERY)).toEqual({ docs: 0, bytes: 0 });
    expect(await w.shell.app.shell.storage.host.listSubmissions(XIANTAN, MACHINERY)).toEqual([]);
    // The waste widget's own store is not the machinery widget's.
    expect((await w.call(waste, 'POST', '/store/owners', { data: { n: 1 } })).statusCode).toBe(201);
    expect((await w.call(machinery, 'GET', '/store/owners')).json().items).toEqual([]);
  });
});
