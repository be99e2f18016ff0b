/**
 * A cadre pre-registers a resident by phone on the staff console; the resident's first phone sign-in on
 * the portal binds that account at once. A number already registered, a village outside the cadre's
 * division and a resident trying it are refused, and nothing is made.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, signInOn, startConsoleShell } from '../../test/console.js';
import { WUSI, XIANTAN } from '../../test/shell.js';
import { DevelopmentSmsProvider } from './sms-development.js';

let shell: ConsoleShell;
const sms = new DevelopmentSmsProvider({ warn: () => {} });
let cadre: { cookie: string; csrf: string };

beforeAll(async () => {
  shell = await startConsoleShell(undefined, { channels: { sms, wechat: null } });
  cadre = await signInOn(shell.console, 'xt-cadre');
});
afterAll(async () => shell?.close());

const preRegister = (payload: Record<string, unknown>, as = cadre) =>
  shell.console.inject({
    method: 'POST',
    url: '/api/auth/phone/residents',
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrf },
    payload,
  });

const residents = () =>
  shell.app.shell.storage.modules.database
    .selectFrom('identity_users')
    .select(['name', 'phone'])
    .where('role', '=', 'resident')
    .execute();

describe('pre-registration by phone', () => {
  it('makes a resident with no household whose first phone sign-in binds at once', async () => {
    const res = await preRegister({ phone: '13812340101', village: XIANTAN, displayName: '张桂英' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      displayName: '张桂英',
      village: XIANTAN,
      phone: '138****0101',
      household: null,
    });
    const made = await shell.app.shell.storage.identity.findUserByPhone('13812340101');
    expect(made).toMatchObject({
      role: 'resident',
      phoneVerifiedAt: null,
      passwordHash: null,
      household: null,
    });

    await shell.app.inject({
      method: 'POST',
      url: '/api/auth/phone/code',
      payload: { phone: '13812340101' },
    });
    const signIn = await shell.app.inject({
      method: 'POST',
      url: '/api/auth/phone/sign-in',
      payload: { phone: '13812340101', code: sms.lastCode('13812340101'), village: XIANTAN },
    });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({
      created: false,
      user: { name: made?.name, displayName: '张桂英' },
    });
    expect(
      (await shell.app.shell.storage.identity.findUserById(made?.id as number))?.phoneVerifiedAt,
    ).not.toBeNull();
    const actions = (await shell.app.shell.storage.audit.list()).map((e) => [e.actor, e.action]);
    expect(actions).toContainEqual(['xt-cadre', 'resident.pre-register']);
    expect(actions).toContainEqual([made?.name, 'auth.login']);
  });

  it('refuses a number already registered, and makes nothing', async () => {
    await preRegister({ phone: '13812340102', village: XIANTAN, displayName: '李明' });
    const before = await residents();
    const again = await preRegister({ phone: '13812340102', village: XIANTAN, displayName: '王芳' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'SHELL_ERR_PHONE_TAKEN',
      field: 'phone',
      message: '该手机号已登记在其他账号下',
    });
    expect(await residents()).toEqual(before);
  });

  it('refuses a village outside the cadre’s division, a bad number and a resident, making nothing', async () => {
    const before = await residents();
    const outside = await preRegister({ phone: '13812340103', village: WUSI, displayName: '赵六' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toMatchObject({
      code: 'SHELL_ERR_FORBIDDEN',
      message: `无权操作辖区外的区划 ${WUSI}`,
    });
    const bad = await preRegister({ phone: '2381234010', village: XIANTAN, displayName: '赵六' });
    expect(bad.json()).toMatchObject({ code: 'SHELL_ERR_BAD_REQUEST', field: 'phone' });
    const noName = await preRegister({ phone: '13812340103', village: XIANTAN, displayName: ' ' });
    expect(noName.json()).toMatchObject({ field: 'displayName', message: '姓名：请填写 1–32 个字的姓名' });
    const resident = await signInOn(shell.app, 'xt-zhang');
    const byResident = await shell.app.inject({
      method: 'POST',
      url: '/api/auth/phone/residents',
      headers: { cookie: resident.cookie, 'x-csrf-token': resident.csrf },
      payload: { phone: '13812340103', village: XIANTAN, displayName: '赵六' },
    });
    expect(byResident.statusCode).toBe(403);
    expect(byResident.json().code).toBe('SHELL_ERR_FORBIDDEN');
    expect(await residents()).toEqual(before);
  });
});
