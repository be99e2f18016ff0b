/** The TOTP factor: per-account lockout with audited failures, and a new factor only once confirmed. */
import { afterEach, describe, expect, it } from 'vitest';
import { identityTestApp } from './test-app.js';
import { newTotpSecret, totpCode } from './totp.js';
import { TOTP_FREE_FAILURES, totpLockMs } from './totp-routes.js';

let t: Awaited<ReturnType<typeof identityTestApp>>;
afterEach(async () => t?.close());

/** Signs `name` in with the password from `address`; the headers of its session. */
async function signIn(name: string, address = '10.0.0.1') {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { name, password: 'correct horse battery' },
    remoteAddress: address,
  });
  const cookie = String(res.headers['set-cookie']).split(';')[0] as string;
  return { cookie, 'x-csrf-token': res.json().csrfToken as string };
}

const post = (url: string, headers: Record<string, string>, payload?: object, address = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url, headers, payload, remoteAddress: address });

/** A county admin with an enabled factor; returns its secret. */
async function enrolled(name = 'county') {
  t = await identityTestApp();
  const user = await t.addUser(name, 'county-admin', '330521');
  const secret = newTotpSecret();
  await t.store.updateUser(user.id, { totpSecret: secret, totpEnabled: true });
  return { user, secret };
}

describe('the lockout schedule', () => {
  it.each([
    [1, 0],
    [TOTP_FREE_FAILURES - 1, 0],
    [TOTP_FREE_FAILURES, 60_000],
    [TOTP_FREE_FAILURES + 1, 120_000],
    [TOTP_FREE_FAILURES + 5, 1_920_000],
    [TOTP_FREE_FAILURES + 6, 3_600_000],
    [TOTP_FREE_FAILURES + 40, 3_600_000],
  ])('after %i wrong codes the account is locked for %i ms', (failures, ms) => {
    expect(totpLockMs(failures)).toBe(ms);
  });
});

describe('per-account TOTP lockout', () => {
  it('locks the account after five wrong codes from any addresses, audits each, refuses even the right code', async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < TOTP_FREE_FAILURES; i++) {
      // A new address and a new session each time: the per-address rate limit never sees a repeat.
      const address = `10.0.1.${i}`;
      const res = await post('/api/auth/totp', await signIn('county', address), { code: '000000' }, address);
      expect(res.json().code).toBe('SHELL_ERR_BAD_TOTP');
    }
    const locked = await t.store.findUserById(user.id);
    expect(locked?.totpFailures).toBe(TOTP_FREE_FAILURES);
    expect(Date.parse(locked?.totpLockedUntil ?? '')).toBeGreaterThan(Date.now() + 50_000);

    const headers = await signIn('county', '10.0.2.1');
    const right = await post('/api/auth/totp', headers, { code: totpCode(secret) }, '10.0.2.1');
    expect(right.statusCode).toBe(429);
    expect(right.json().code).toBe('SHELL_ERR_TOTP_LOCKED');
    const me = await t.app.inject({ url: '/api/auth/me', headers: { cookie: headers.cookie } });
    expect(me.json().mfa).toBe('required');
    // The lock refused the code unread: it was not spent, and the count did not move.
    expect((await t.store.findUserById(user.id))?.totpLastStep).toBeNull();

    const failed = (await t.audit.list()).filter((r) => r.action === 'auth.totp-failed');
    expect(failed.map((r) => r.detail)).toEqual([
      ...[1, 2, 3, 4].map((failures) => ({ purpose: 'sign-in', failures, lockedUntil: null })),
      { purpose: 'sign-in', failures: 5, lockedUntil: locked?.totpLockedUntil },
      { purpose: 'sign-in', locked: true, lockedUntil: locked?.totpLockedUntil },
    ]);
    expect(failed.map((r) => r.ip)).toEqual([...[0, 1, 2, 3, 4].map((i) => `10.0.1.${i}`), '10.0.2.1']);
  });

  it('lets the right code through once the lock has ended, and starts counting again', async () => {
    const { user, secret } = await enrolled();
    for (let i = 0; i < TOTP_FREE_FAILURES; i++) {
      await post('/api/auth/totp', await signIn('county'), { code: '000000' });
    }
    await t.store.updateUser(user.id, { totpLockedUntil: new Date(Date.now() - 1000).toISOString() });
    const res = await post('/api/auth/totp', await signIn('county'), { code: totpCode(secret) });
    expect(res.json().mfa).toBe('passed');
    const after = await t.store.findUserById(user.id);
    expect([after?.totpFailures, after?.totpLockedUntil]).toEqual([0, null]);
    expect((await t.actions()).at(-1)).toEqual(['county', 'auth.totp-passed']);
  });
});

describe('replacing the second factor', () => {
  it('keeps the current factor until a code from the new one is confirmed', async () => {
    const { user, secret } = await enrolled();
    const headers = await signIn('county');
    expect((await post('/api/auth/totp', headers, { code: totpCode(secret) })).json().mfa).toBe('passed');

    const setup = await post('/api/auth/totp/setup', headers);
    const fresh = setup.json().secret as string;
    expect(fresh).not.toBe(secret);
    const pending = await t.store.findUserById(user.id);
    expect([pending?.totpSecret, pending?.totpEnabled, pending?.totpPendingSecret]).toEqual([
      secret,
      true,
      fresh,
    ]);

    // A code of the old secret does not confirm the new one, and changes nothing.
    const wrong = await post('/api/auth/totp/enable', headers, {
      code: totpCode(secret, Date.now() + 30_000),
    });
    expect(wrong.json().code).toBe('SHELL_ERR_BAD_TOTP');
    const unchanged = await t.store.findUserById(user.id);
    expect([unchanged?.totpSecret, unchanged?.totpPendingSecret]).toEqual([secret, fresh]);

    // Setup abandoned here: the old factor still signs in.
    const other = await signIn('county');
    const old = await post('/api/auth/totp', other, { code: totpCode(secret, Date.now() + 30_000) });
    expect(old.json().mfa).toBe('passed');

    const confirmed = await post('/api/auth/totp/enable', headers, { code: totpCode(fresh) });
    expect(confirmed.json().mfa).toBe('passed');
    const swapped = await t.store.findUserById(user.id);
    expect([swapped?.totpSecret, swapped?.totpPendingSecret, swapped?.totpEnabled]).toEqual([
      fresh,
      null,
      true,
    ]);
    expect(
      (await t.actions()).filter(([, a]) => a?.startsWith('auth.totp-s') || a === 'auth.totp-enable'),
    ).toEqual([
      ['county', 'auth.totp-setup'],
      ['county', 'auth.totp-enable'],
    ]);
  });

  it('refuses to confirm a pending factor from a session that has not passed the current one', async () => {
    const { user, secret } = await enrolled();
    const pendingSecret = newTotpSecret();
    await t.store.updateUser(user.id, { totpPendingSecret: pendingSecret });
    const res = await post('/api/auth/totp/enable', await signIn('county'), {
      code: totpCode(pendingSecret),
    });
    expect(res.json().code).toBe('SHELL_ERR_MFA_REQUIRED');
    const after = await t.store.findUserById(user.id);
    expect([after?.totpSecret, after?.totpPendingSecret]).toEqual([secret, pendingSecret]);
  });
});
