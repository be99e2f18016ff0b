/**
 * Residents' phone sign-in on the real shell (test/shell.ts, on SQLite and in the postgres project on
 * PostgreSQL), with the development SMS provider: codes kept hashed, tried at most five times, used
 * once, limited per phone and per address, every request audited with the number masked; and each bad
 * input refused with its own message and nothing changed (no session, no account, no code).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShell, type TestShell, XIANTAN } from '../../test/shell.js';
import { phoneKey } from './channel-input.js';
import { DevelopmentSmsProvider } from './sms-development.js';

let shell: TestShell;
const sms = new DevelopmentSmsProvider({ warn: () => {} });
let address = 0;
/** A new client address per request, unless a test is about one address. */
const nextAddress = () => `10.1.${Math.floor(++address / 250)}.${(address % 250) + 1}`;

beforeAll(async () => {
  shell = await startShell({ channels: { sms, wechat: null } });
});
afterAll(async () => shell?.close());

const storage = () => shell.app.shell.storage;
const db = () => storage().modules.database;

function askCode(phone: unknown, remoteAddress = nextAddress()) {
  return shell.app.inject({ method: 'POST', url: '/api/auth/phone/code', payload: { phone }, remoteAddress });
}

function signIn(body: Record<string, unknown>, remoteAddress = nextAddress()) {
  return shell.app.inject({
    method: 'POST',
    url: '/api/auth/phone/sign-in',
    payload: { village: XIANTAN, ...body },
    remoteAddress,
  });
}

const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'cunmen_session');

/** Rows that would show a change: accounts with this phone, codes of this phone. */
async function stateOf(phone: string) {
  const users = await db()
    .selectFrom('identity_users')
    .select(['id', 'phone_verified_at'])
    .where('phone', '=', phone)
    .execute();
  const codes = await db()
    .selectFrom('identity_phone_codes')
    .select(['id', 'attempts', 'used_at'])
    .where('phone_hash', '=', phoneKey(phone))
    .execute();
  return { users, codes };
}

async function auditOf(phoneMasked: string) {
  return (await storage().audit.list())
    .filter((e) => JSON.stringify(e).includes(phoneMasked))
    .map((e) => [e.action, (e.detail as { reason?: string }).reason ?? null]);
}

describe('phone sign-in', () => {
  it('sends a code kept only hashed, signs in a new resident with no household, and refuses the code again', async () => {
    const phone = '13812345678';
    const asked = await askCode(phone);
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({
      sent: true,
      phone: '138****5678',
      expiresInSeconds: 300,
      resendAfterSeconds: 60,
    });
    const code = sms.lastCode(phone) as string;
    expect(code).toMatch(/^\d{6}$/);
    const rows = await db().selectFrom('identity_phone_codes').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(code);
    expect(JSON.stringify(rows)).not.toContain(phone);

    const wrongCode = code === '000000' ? '000001' : '000000';
    const wrong = await signIn({ phone, code: wrongCode });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({
      code: 'SHELL_ERR_SMS_CODE_WRONG',
      message: '验证码错误，还可以再试 4 次',
      field: 'code',
    });
    expect(sessionCookie(wrong)).toBeUndefined();
    expect((await stateOf(phone)).users).toEqual([]);

    const right = await signIn({ phone, code });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({
      created: true,
      mfa: 'passed',
      user: { role: 'resident', division: XIANTAN, household: null, displayName: '村民5678' },
    });
    const cookie = sessionCookie(right);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await shell.app.inject({
      url: '/api/auth/me',
      headers: { cookie: `cunmen_session=${cookie?.value}` },
    });
    expect(me.json()).toMatchObject({ user: { role: 'resident', household: null } });
    const account = await storage().identity.findUserByPhone(phone);
    expect(account).toMatchObject({ household: null, phone });
    expect(account?.phoneVerifiedAt).not.toBeNull();
    expect(account?.name).toMatch(/^r-[0-9a-f]{16}$/);
    expect((await storage().identity.listResidentsWithoutHousehold(XIANTAN)).map((u) => u.id)).toContain(
      account?.id,
    );

    const replay = await signIn({ phone, code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({
      code: 'SHELL_ERR_SMS_CODE_EXPIRED',
      message: '验证码已失效，请重新获取',
    });
    expect(sessionCookie(replay)).toBeUndefined();

    expect(await auditOf('138****5678')).toEqual([
      ['auth.sms-sent', null],
      ['auth.login-failed', 'code-wrong'],
      ['auth.login', null],
      ['auth.login-failed', 'code-used'],
    ]);
    const everything = JSON.stringify(await storage().audit.list());
    expect(everything).not.toContain(phone);
    expect(everything).not.toContain(`"${code}"`);
  });

  it.each([
    ['12812345678', 'a second digit of 2'],
    ['1381234567', '10 digits'],
    ['138123456789', '12 digits'],
    ['138-1234-5678', 'dashes'],
    [13812349999, 'a number, not text'],
  ] as [unknown, string][])('refuses %s (%s) naming the field, and sends nothing', async (phone) => {
    const before = (await db().selectFrom('identity_phone_codes').select('id').execute()).length;
    const res = await askCode(phone);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'SHELL_ERR_BAD_REQUEST',
      field: 'phone',
      message: '手机号：请填写 11 位手机号（以 1 开头，第二位为 3–9）',
    });
    expect((await db().selectFrom('identity_phone_codes').select('id').execute()).length).toBe(before);
    expect(sms.lastCode(String(phone))).toBeUndefined();
  });

  it('refuses a code that is not six digits and an unknown village without spending a try', async () => {
    const phone = '13912340001';
    await askCode(phone);
    const short = await signIn({ phone, code: '12345' });
    expect(short.json()).toMatchObject({
      code: 'SHELL_ERR_BAD_REQUEST',
      field: 'code',
      message: '验证码：请填写短信中的 6 位数字',
    });
    const village = await signIn({ phone, code: sms.lastCode(phone), village: '330521999999' });
    expect(village.statusCode).toBe(400);
    expect(village.json()).toMatchObject({
      field: 'village',
      message: '村：平台上没有区划代码为 330521999999 的村',
    });
    expect(await stateOf(phone)).toMatchObject({ users: [], codes: [{ attempts: 0, used_at: null }] });
    expect((await signIn({ phone, code: sms.lastCode(phone) })).statusCode).toBe(200);
  });

  it('allows one code a minute per phone: the second is refused and the first stays valid', async () => {
    const phone = '13712340002';
    expect((await askCode(phone)).statusCode).toBe(200);
    const first = sms.lastCode(phone) as string;
    const again = await askCode(phone);
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: 'SHELL_ERR_SMS_TOO_MANY', field: 'phone' });
    expect(again.json().message).toMatch(/^该手机号获取验证码过于频繁，请 (60|59) 秒后再试$/);
    expect(sms.lastCode(phone)).toBe(first);
    expect((await stateOf(phone)).codes).toHaveLength(1);
    expect((await signIn({ phone, code: first })).statusCode).toBe(200);
    expect(await auditOf('137****0002')).toEqual([
      ['auth.sms-sent', null],
      ['auth.sms-refused', 'per-minute'],
      ['auth.login', null],
    ]);
  });

  it('allows five codes an hour per phone, counted in the table every instance shares', async () => {
    const phone = '13612340003';
    // Five codes sent earlier this hour (by any instance): the per-hour count is at its limit.
    for (let i = 0; i < 5; i++) await storage().rateLimits.hit(`sms-phone-hour|${phoneKey(phone)}`, 3600_000);
    const res = await askCode(phone);
    expect(res.statusCode).toBe(429);
    expect(res.json().code).toBe('SHELL_ERR_SMS_TOO_MANY');
    expect(res.json().error).toMatch(/^at most 5 code\(s\) per hour for one phone number/);
    expect(sms.lastCode(phone)).toBeUndefined();
    expect((await stateOf(phone)).codes).toEqual([]);
  });

  it('refuses an expired code and starts no session', async () => {
    const phone = '13512340004';
    await askCode(phone);
    await db()
      .updateTable('identity_phone_codes')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('phone_hash', '=', phoneKey(phone))
      .execute();
    const res = await signIn({ phone, code: sms.lastCode(phone) });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'SHELL_ERR_SMS_CODE_EXPIRED',
      message: '验证码已失效，请重新获取',
    });
    expect(sessionCookie(res)).toBeUndefined();
    expect(await stateOf(phone)).toMatchObject({ users: [], codes: [{ attempts: 0, used_at: null }] });
  });

  it('spends a code after five wrong tries: even the right one is refused then', async () => {
    const phone = '13412340005';
    await askCode(phone);
    const code = sms.lastCode(phone) as string;
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const messages: string[] = [];
    for (let i = 0; i < 5; i++) messages.push((await signIn({ phone, code: wrong })).json().message);
    expect(messages).toEqual([
      '验证码错误，还可以再试 4 次',
      '验证码错误，还可以再试 3 次',
      '验证码错误，还可以再试 2 次',
      '验证码错误，还可以再试 1 次',
      '验证码错误，请重新获取验证码',
    ]);
    const right = await signIn({ phone, code });
    expect(right.statusCode).toBe(429);
    expect(right.json()).toMatchObject({
      code: 'SHELL_ERR_SMS_CODE_LOCKED',
      message: '验证码错误次数过多，请重新获取',
    });
    expect(sessionCookie(right)).toBeUndefined();
    expect(await stateOf(phone)).toMatchObject({ users: [], codes: [{ attempts: 5, used_at: null }] });
  });

  it('refuses a code no one asked for', async () => {
    const res = await signIn({ phone: '13312340006', code: '123456' });
    expect(res.json()).toMatchObject({ code: 'SHELL_ERR_SMS_CODE_EXPIRED' });
    expect(await stateOf('13312340006')).toEqual({ users: [], codes: [] });
    expect(await auditOf('133****0006')).toEqual([['auth.login-failed', 'code-none']]);
  });

  it('limits code requests per address, whatever the phone numbers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await askCode(`1870000${String(i).padStart(4, '0')}`, '10.9.9.9')).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
    expect(sms.lastCode('18700000010')).toBeUndefined();
  });
});
