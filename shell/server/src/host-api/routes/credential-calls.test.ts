/** The credential and capability check of every host-API call. */
import { describe, expect, it } from 'vitest';
import { expectError, hostApiWorld, MACHINERY, WASTE } from '../../../test/host-api.js';
import { XIANTAN } from '../../../test/shell.js';
import { mintToken, verifyToken } from '../token.js';

const w = hostApiWorld();

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
