/**
 * Joining a household over HTTP: a resident signed in by phone asks on the portal, a cadre of the
 * village approves or rejects on the console, and the resident's next session answer carries the
 * household. Until then a household-scoped read is refused. Every bad input is refused with its code,
 * zh-CN message and field, and changes nothing: no request row, no household on the account.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, cookieOf, PASSWORD, signInOn, startConsoleShell } from '../../test/console.js';
import { WUSI, XIANTAN } from '../../test/shell.js';
import { hashPassword } from '../identity/passwords.js';
import { DevelopmentSmsProvider } from '../identity/sms-development.js';

let shell: ConsoleShell;
const sms = new DevelopmentSmsProvider({ warn: () => {} });
let cadre: Session;
let phones = 0;

interface Session {
  cookie: string;
  csrf: string;
  phone: string;
}

/** A new resident of `village`, signed in on the portal by phone (no household). */
async function resident(village = XIANTAN): Promise<Session> {
  const n = ++phones;
  const phone = `139000002${String(n).padStart(2, '0')}`;
  const remoteAddress = `10.9.0.${n}`;
  await shell.app.inject({ method: 'POST', url: '/api/auth/phone/code', payload: { phone }, remoteAddress });
  const res = await shell.app.inject({
    method: 'POST',
    url: '/api/auth/phone/sign-in',
    payload: { phone, code: sms.lastCode(phone), village },
    remoteAddress,
  });
  expect(res.statusCode).toBe(200);
  return { cookie: cookieOf(res), csrf: res.json().csrfToken, phone };
}

const on = (app: FastifyInstance, method: 'GET' | 'POST', url: string, as: Session, payload?: object) =>
  app.inject({
    method,
    url,
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrf },
    ...(payload ? { payload } : {}),
  });

const ask = (as: Session, body: object) => on(shell.app, 'POST', '/api/households/join-requests', as, body);
const mine = (as: Session) => on(shell.app, 'GET', '/api/households/join-requests/mine', as);
const pending = (as = cadre, village = XIANTAN) =>
  on(shell.console, 'GET', `/api/villages/${village}/join-requests`, as);
const decide = (id: number, how: 'approve' | 'reject', body?: object, as = cadre, village = XIANTAN) =>
  on(shell.console, 'POST', `/api/villages/${village}/join-requests/${id}/${how}`, as, body ?? {});

const db = () => shell.app.shell.storage.modules.database;
const requestRows = () => db().selectFrom('household_join_requests').selectAll().orderBy('id').execute();
const accountOf = (phone: string) => shell.app.shell.storage.identity.findUserByPhone(phone);

function expectRefusal(res: LightMyRequestResponse, status: number, body: Record<string, unknown>) {
  expect(res.statusCode).toBe(status);
  expect(res.json()).toMatchObject(body);
}

const son = { village: XIANTAN, number: '0012', name: '张小明', relation: '子女', note: '刚从外地回村' };

beforeAll(async () => {
  shell = await startConsoleShell(undefined, { channels: { sms, wechat: null } });
  cadre = { ...(await signInOn(shell.console, 'xt-cadre')), phone: '' };
  const { households, identity } = shell.app.shell.storage;
  await households.createHousehold({
    village: XIANTAN,
    number: '0012',
    head: '张大山',
    address: '仙潭村3组12号',
  });
  await households.createHousehold({ village: XIANTAN, number: '0020', head: '王五', address: '仙潭村1组' });
  await households.createHousehold({ village: XIANTAN, number: '0021', head: '王五', address: '仙潭村2组' });
  await households.createHousehold({ village: WUSI, number: '0012', head: '赵六', address: null });
  await identity.createUser({
    name: 'ws-cadre',
    displayName: 'ws-cadre',
    role: 'village-cadre',
    division: WUSI,
    passwordHash: await hashPassword(PASSWORD),
  });
  await identity.createUser({
    name: 'xt-cadre-2',
    displayName: 'xt-cadre-2',
    role: 'village-cadre',
    division: XIANTAN,
    passwordHash: await hashPassword(PASSWORD),
  });
});
afterAll(async () => shell?.close());

describe('joining a household', () => {
  it('asks, is approved by the village cadre, and the next session answer shows the household', async () => {
    const me = await resident();
    // Before approval: public content only — no household-scoped read.
    expectRefusal(await on(shell.app, 'GET', '/api/households/mine', me), 403, {
      code: 'SHELL_ERR_HOUSEHOLD_REQUIRED',
      message: '请先加入您的家庭：在门户申请入户，村干部审核通过后即可使用',
    });
    expect((await mine(me)).json()).toEqual({ household: null, request: null });

    const asked = await ask(me, son);
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({
      village: XIANTAN,
      household: { number: '0012', head: '张**' },
      name: '张小明',
      relation: '子女',
      status: 'pending',
    });
    const id = asked.json().id as number;
    expect((await mine(me)).json()).toMatchObject({ household: null, request: { id, status: 'pending' } });
    expectRefusal(await on(shell.app, 'GET', '/api/households/mine', me), 403, {
      code: 'SHELL_ERR_HOUSEHOLD_REQUIRED',
    });

    const queue = await pending();
    expect(queue.statusCode).toBe(200);
    const item = queue.json().items.find((r: { id: number }) => r.id === id);
    expect(item).toMatchObject({
      name: '张小明',
      relation: '子女',
      note: '刚从外地回村',
      phone: `${me.phone.slice(0, 3)}****${me.phone.slice(7)}`,
      household: { number: '0012', head: '张**' },
      status: 'pending',
    });
    expect(JSON.stringify(queue.json())).not.toContain(me.phone);

    const approved = await decide(id, 'approve');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ id, status: 'approved', decidedBy: 'xt-cadre' });
    expect(await pending().then((r) => r.json().items.map((r: { id: number }) => r.id))).not.toContain(id);

    // The same session now answers with the household, and so does the next sign-in.
    const me2 = await on(shell.app, 'GET', '/api/auth/me', me);
    expect(me2.json().user.household).toBe('0012');
    // A minute later (the resend limit is counted in the database): a new code, a new sign-in.
    await db().deleteFrom('shell_rate_limits').execute();
    await shell.app.inject({
      method: 'POST',
      url: '/api/auth/phone/code',
      payload: { phone: me.phone },
      remoteAddress: '10.9.1.1',
    });
    const again = await shell.app.inject({
      method: 'POST',
      url: '/api/auth/phone/sign-in',
      payload: { phone: me.phone, code: sms.lastCode(me.phone), village: XIANTAN },
      remoteAddress: '10.9.1.1',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().user).toMatchObject({ household: '0012' });
    const home = await on(shell.app, 'GET', '/api/households/mine', me);
    expect(home.statusCode).toBe(200);
    expect(home.json()).toMatchObject({
      number: '0012',
      head: '张**',
      members: [{ name: '张小明', relation: '子女', me: true }],
    });
    expect((await mine(me)).json()).toMatchObject({ household: '0012', request: { id, status: 'approved' } });

    // On record, with the phone masked only.
    const entries = (await shell.app.shell.storage.audit.list()).filter((e) =>
      e.action.startsWith('household.join-'),
    );
    const account = await accountOf(me.phone);
    expect(entries.map((e) => [e.actor, e.action, e.subject])).toEqual(
      expect.arrayContaining([
        [account?.name, 'household.join-request', `village:${XIANTAN}`],
        ['xt-cadre', 'household.join-approve', `village:${XIANTAN}`],
      ]),
    );
    expect(entries.find((e) => e.action === 'household.join-approve')?.detail).toMatchObject({
      request: id,
      household: '0012',
      phone: `${me.phone.slice(0, 3)}****${me.phone.slice(7)}`,
    });
    expect(JSON.stringify(entries)).not.toContain(me.phone);
  });

  it('names the household by its head, with the address when namesakes live in the village', async () => {
    const me = await resident();
    const before = await requestRows();
    expectRefusal(await ask(me, { village: XIANTAN, head: '王五', name: '王小丫', relation: '孙辈' }), 409, {
      code: 'SHELL_ERR_JOIN_AMBIGUOUS',
      message: '本村有多户户主同名，请填写户号或住址',
      field: 'head',
    });
    expect(await requestRows()).toEqual(before);
    const asked = await ask(me, {
      village: XIANTAN,
      head: '王五',
      address: '仙潭村2组',
      name: '王小丫',
      relation: '孙辈',
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json().household).toEqual({ number: '0021', head: '王*' });
  });

  it('refuses each bad request with its code, message and field, and changes nothing', async () => {
    const me = await resident();
    const before = await requestRows();
    const cases: [object, number, Record<string, unknown>][] = [
      [
        { ...son, number: '0099' },
        404,
        {
          code: 'SHELL_ERR_JOIN_NO_HOUSEHOLD',
          message: '本村户籍中没有这一户，请核对户号或户主姓名',
          field: 'number',
        },
      ],
      [
        { village: XIANTAN, head: '不存在', name: '张小明', relation: '子女' },
        404,
        { code: 'SHELL_ERR_JOIN_NO_HOUSEHOLD', field: 'head' },
      ],
      [
        { ...son, number: '0012', head: '李四' },
        404,
        { code: 'SHELL_ERR_JOIN_NO_HOUSEHOLD', field: 'number' },
      ],
      [
        { ...son, village: WUSI },
        403,
        { code: 'SHELL_ERR_JOIN_OTHER_VILLAGE', message: '只能申请加入您账号所在村的家庭', field: 'village' },
      ],
      [
        { village: XIANTAN, name: '张小明', relation: '子女' },
        400,
        {
          code: 'SHELL_ERR_BAD_REQUEST',
          message: '户主姓名：请填写户号或户主姓名（1–20 个字）',
          field: 'head',
        },
      ],
      [
        { ...son, relation: '邻居' },
        400,
        {
          code: 'SHELL_ERR_BAD_REQUEST',
          field: 'relation',
          message: expect.stringContaining('与户主关系：请选择'),
        },
      ],
      [{ ...son, name: ' ' }, 400, { code: 'SHELL_ERR_BAD_REQUEST', field: 'name' }],
      [{ ...son, village: '3305' }, 400, { code: 'SHELL_ERR_BAD_REQUEST', field: 'village' }],
      [{ ...son, number: '12a' }, 400, { code: 'SHELL_ERR_BAD_REQUEST', field: 'number' }],
    ];
    for (const [body, status, expected] of cases) expectRefusal(await ask(me, body), status, expected);
    expect(await requestRows()).toEqual(before);
    expect((await accountOf(me.phone))?.household).toBeNull();

    // One open request at a time.
    expect((await ask(me, son)).statusCode).toBe(201);
    const withOne = await requestRows();
    expectRefusal(await ask(me, { ...son, number: '0020' }), 409, {
      code: 'SHELL_ERR_JOIN_OPEN',
      message: '您已有一条待审核的入户申请，请等待村干部审核',
    });
    expect(await requestRows()).toEqual(withOne);

    // A resident who already has a household.
    const placed = await resident();
    const account = await accountOf(placed.phone);
    await db()
      .updateTable('identity_users')
      .set({ household: '0020' })
      .where('id', '=', account?.id)
      .execute();
    expectRefusal(await ask(placed, son), 409, {
      code: 'SHELL_ERR_JOIN_HAS_HOUSEHOLD',
      message: '您已加入家庭，无需再申请',
    });
    expect(await requestRows()).toEqual(withOne);
    expect((await accountOf(placed.phone))?.household).toBe('0020');

    // Nobody signed in, and a write without the CSRF proof.
    expectRefusal(
      await shell.app.inject({ method: 'POST', url: '/api/households/join-requests', payload: son }),
      401,
      { code: 'SHELL_ERR_UNAUTHORIZED' },
    );
    const other = await resident();
    expectRefusal(
      await shell.app.inject({
        method: 'POST',
        url: '/api/households/join-requests',
        headers: { cookie: other.cookie, origin: 'https://evil.example' },
        payload: son,
      }),
      403,
      { code: 'SHELL_ERR_CSRF' },
    );
    expect(await requestRows()).toEqual(withOne);
  });

  it('rejects with a reason; the first of two decisions wins and the other is told', async () => {
    const me = await resident();
    const id = (await ask(me, son)).json().id as number;
    expectRefusal(await decide(id, 'reject', { reason: ' ' }), 400, {
      code: 'SHELL_ERR_BAD_REQUEST',
      field: 'reason',
      message: '驳回理由：请填写驳回理由（1–200 个字）',
    });
    const rejected = await decide(id, 'reject', { reason: '户主不认识此人' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'rejected', reason: '户主不认识此人' });
    expect((await mine(me)).json()).toMatchObject({
      household: null,
      request: { id, status: 'rejected', reason: '户主不认识此人' },
    });
    expect((await accountOf(me.phone))?.household).toBeNull();
    expectRefusal(await decide(id, 'approve'), 409, {
      code: 'SHELL_ERR_JOIN_DECIDED',
      message: '该入户申请已由其他工作人员处理',
    });
    expect((await accountOf(me.phone))?.household).toBeNull();
    const audit = (await shell.app.shell.storage.audit.list()).filter(
      (e) => e.action === 'household.join-reject',
    );
    expect(audit.at(-1)?.detail).toMatchObject({ request: id, reason: '户主不认识此人' });

    // Two cadres at once: exactly one wins.
    const second = (await ask(me, son)).json().id as number;
    const cadre2 = { ...(await signInOn(shell.console, 'xt-cadre-2')), phone: '' };
    const [a, b] = await Promise.all([
      decide(second, 'approve', {}, cadre),
      decide(second, 'reject', { reason: '重复申请' }, cadre2),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'SHELL_ERR_JOIN_DECIDED' });
    const account = await accountOf(me.phone);
    expect(account?.household).toBe(a.statusCode === 200 ? '0012' : null);
  });

  it('lets only staff of the village decide, on the console', async () => {
    const me = await resident();
    const id = (await ask(me, son)).json().id as number;
    const wusiCadre = { ...(await signInOn(shell.console, 'ws-cadre')), phone: '' };
    expectRefusal(await pending(wusiCadre), 403, {
      code: 'SHELL_ERR_FORBIDDEN',
      message: `无权操作辖区外的区划 ${XIANTAN}`,
    });
    expectRefusal(await decide(id, 'approve', {}, wusiCadre), 403, { code: 'SHELL_ERR_FORBIDDEN' });
    // Another village's list does not show it, and its id does not reach across villages.
    expect((await pending(wusiCadre, WUSI)).json().items).toEqual([]);
    expectRefusal(await decide(id, 'approve', {}, wusiCadre, WUSI), 404, {
      code: 'SHELL_ERR_JOIN_NOT_FOUND',
      message: '没有这条入户申请',
    });
    expectRefusal(await decide(999_999, 'approve'), 404, { code: 'SHELL_ERR_JOIN_NOT_FOUND' });
    // A resident's portal session is nobody on the console; the cadre write needs its CSRF proof.
    expectRefusal(await decide(id, 'approve', {}, me), 401, { code: 'SHELL_ERR_UNAUTHORIZED' });
    expectRefusal(
      await shell.console.inject({
        method: 'POST',
        url: `/api/villages/${XIANTAN}/join-requests/${id}/approve`,
        headers: { cookie: cadre.cookie, 'sec-fetch-site': 'cross-site' },
        payload: {},
      }),
      403,
      { code: 'SHELL_ERR_CSRF' },
    );
    // A resident cannot decide on the portal either.
    expectRefusal(
      await on(shell.app, 'POST', `/api/villages/${XIANTAN}/join-requests/${id}/approve`, me, {}),
      403,
      {
        code: 'SHELL_ERR_FORBIDDEN',
      },
    );
    expect((await shell.app.shell.storage.joinRequests.get(XIANTAN, id))?.status).toBe('pending');
    expect((await accountOf(me.phone))?.household).toBeNull();
  });
});
