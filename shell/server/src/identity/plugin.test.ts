import { afterEach, describe, expect, it } from 'vitest';
import { identityTestApp, PASSWORD } from './test-app.js';
import { totpCode } from './totp.js';

let t: Awaited<ReturnType<typeof identityTestApp>>;
afterEach(async () => t?.close());

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers['set-cookie'];
  const first = (Array.isArray(raw) ? raw[0] : raw) as string;
  return first.split(';')[0] as string;
}

async function login(name: string, password = PASSWORD) {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name, password } });
  return { res, cookie: res.statusCode === 200 ? cookieOf(res) : '', body: res.json() };
}

describe('password sign-in and sessions', () => {
  it('refuses a wrong password or an unknown user with the same message', async () => {
    t = await identityTestApp();
    await t.addUser('cadre', 'village-cadre', '330521001001');
    for (const [name, password] of [
      ['cadre', 'wrong password!'],
      ['nobody', PASSWORD],
    ]) {
      const { res } = await login(name as string, password);
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({
        code: 'SHELL_ERR_BAD_LOGIN',
        error: 'wrong user name or password',
        message: '用户名或密码错误',
      });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('sets an HttpOnly SameSite cookie and scopes the user to their village', async () => {
    t = await identityTestApp();
    await t.addUser('cadre', 'village-cadre', '330521001001');
    const { res, cookie, body } = await login('cadre');
    expect(res.headers['set-cookie']).toMatch(/HttpOnly; SameSite=Lax/);
    expect(body).toMatchObject({ mfa: 'passed', user: { name: 'cadre', role: 'village-cadre' } });
    const own = await t.app.inject({ url: '/api/test/villages/330521001001', headers: { cookie } });
    expect(own.json()).toEqual({ ok: true, by: 'cadre' });
    const other = await t.app.inject({ url: '/api/test/villages/330521001002', headers: { cookie } });
    expect(other.statusCode).toBe(403);
    expect(other.json().error).toBe('cadre (330521001001) cannot act on 330521001002');
    const anonymous = await t.app.inject({ url: '/api/test/villages/330521001001' });
    expect(anonymous.json().code).toBe('SHELL_ERR_UNAUTHORIZED');
  });

  it('refuses a cookie-authenticated write without the CSRF token, accepts it with the token', async () => {
    t = await identityTestApp();
    await t.addUser('cadre', 'village-cadre', '330521001001');
    const { cookie, body } = await login('cadre');
    const bare = await t.app.inject({ method: 'POST', url: '/api/test/write', headers: { cookie } });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().code).toBe('SHELL_ERR_CSRF');
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/api/test/write',
      headers: { cookie, 'x-csrf-token': body.csrfToken },
    });
    expect(withToken.json()).toEqual({ ok: true });
  });

  it('ends the session at logout', async () => {
    t = await identityTestApp();
    await t.addUser('cadre', 'village-cadre', '330521001001');
    const { cookie, body } = await login('cadre');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': body.csrfToken },
    });
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('limits sign-in attempts per address', async () => {
    t = await identityTestApp();
    const statuses: number[] = [];
    let last: { code?: string } = {};
    for (let i = 0; i < 11; i++) {
      const { res } = await login('cadre', 'wrong password!');
      statuses.push(res.statusCode);
      last = res.json();
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    expect(last.code).toBe('SHELL_ERR_RATE_LIMITED');
  });
});

describe('TOTP second factor for county and province roles', () => {
  it('makes a county admin enrol, then asks for a fresh code at every sign-in, never the same one twice', async () => {
    t = await identityTestApp();
    await t.addUser('county', 'county-admin', '330521');
    const first = await login('county');
    expect(first.body.mfa).toBe('enrolment-required');
    const blocked = await t.app.inject({
      url: '/api/test/villages/330521001001',
      headers: { cookie: first.cookie },
    });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().code).toBe('SHELL_ERR_MFA_REQUIRED');

    const headers = { cookie: first.cookie, 'x-csrf-token': first.body.csrfToken };
    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers });
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toContain(`secret=${secret}`);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers,
      payload: { code: '000000' },
    });
    expect(wrong.json().code).toBe('SHELL_ERR_BAD_TOTP');
    const code = totpCode(secret);
    const enabled = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/enable',
      headers,
      payload: { code },
    });
    expect(enabled.json().mfa).toBe('passed');
    const ok = await t.app.inject({
      url: '/api/test/villages/330521001001',
      headers: { cookie: first.cookie },
    });
    expect(ok.json()).toEqual({ ok: true, by: 'county' });
    const outside = await t.app.inject({
      url: '/api/test/villages/330522001001',
      headers: { cookie: first.cookie },
    });
    expect(outside.statusCode).toBe(403);

    const second = await login('county');
    expect(second.body.mfa).toBe('required');
    const h2 = { cookie: second.cookie, 'x-csrf-token': second.body.csrfToken };
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      headers: h2,
      payload: { code },
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error).toBe('the code is wrong, expired or already used');
    // Someone holding only the password cannot replace the factor.
    const swap = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: h2 });
    expect(swap.json().code).toBe('SHELL_ERR_MFA_REQUIRED');
  });
});
