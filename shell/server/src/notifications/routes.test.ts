/**
 * The inbox routes on both origins (./routes.ts): a resident reads and marks their own notices on the
 * portal, staff theirs (and their role's) on the console; nobody reads or marks another user's, and a
 * refused call changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, PASSWORD, signInOn, startConsoleShell } from '../../test/console.js';
import { XIANTAN } from '../../test/shell.js';
import { hashPassword } from '../identity/passwords.js';

let shell: ConsoleShell;
let zhangId: number;
let liId: number;

beforeAll(async () => {
  shell = await startConsoleShell('http://localhost:9090');
  const identity = shell.app.shell.storage.identity;
  zhangId = (await identity.findUserByName('xt-zhang'))?.id as number;
  liId = (
    await identity.createUser({
      name: 'xt-li',
      displayName: '李大伯',
      role: 'resident',
      division: XIANTAN,
      passwordHash: await hashPassword(PASSWORD),
    })
  ).id;
}, 60_000);
afterAll(async () => {
  await shell?.close();
});

const send = (to: { user: number } | { role: 'village-cadre'; division: string }, title: string) =>
  shell.app.shell.notifier.send({
    module: 'complaints',
    to,
    title,
    body: '您反映的“路灯不亮”已有答复，点此查看',
    link: `/v/${XIANTAN}/p/complaints`,
  });

async function inbox(app: ConsoleShell['app'], cookie: string) {
  const res = await app.inject({ url: '/api/inbox', headers: { cookie } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: number; title: string; readAt: string | null }[];
    unread: number;
    total: number;
  };
}

describe('the inbox routes', () => {
  it("lists a resident's notices newest first, counts and marks them read", async () => {
    const first = await send({ user: zhangId }, '您反映的事已受理');
    const second = await send({ user: zhangId }, '您反映的事有答复了');
    const zhang = await signInOn(shell.app, 'xt-zhang');
    const listed = await inbox(shell.app, zhang.cookie);
    expect(listed.items.map((i) => i.id)).toEqual([second.id, first.id]);
    expect(listed).toMatchObject({ total: 2, unread: 2 });
    const count = await shell.app.inject({
      url: '/api/inbox/unread-count',
      headers: { cookie: zhang.cookie },
    });
    expect(count.json()).toEqual({ unread: 2 });
    expect(count.headers['cache-control']).toBe('no-store');

    const one = await shell.app.inject({
      method: 'POST',
      url: '/api/inbox/read',
      headers: { cookie: zhang.cookie, 'x-csrf-token': zhang.csrf },
      payload: { id: first.id },
    });
    expect(one.json()).toEqual({ marked: 1, unread: 1 });
    const all = await shell.app.inject({
      method: 'POST',
      url: '/api/inbox/read',
      headers: { cookie: zhang.cookie, 'x-csrf-token': zhang.csrf },
      payload: { all: true },
    });
    expect(all.json()).toEqual({ marked: 1, unread: 0 });
  });

  it("refuses another user's notice and changes nothing", async () => {
    const theirs = await send({ user: zhangId }, '只给张阿婆');
    const li = await signInOn(shell.app, 'xt-li');
    expect((await inbox(shell.app, li.cookie)).items).toEqual([]);
    const res = await shell.app.inject({
      method: 'POST',
      url: '/api/inbox/read',
      headers: { cookie: li.cookie, 'x-csrf-token': li.csrf },
      payload: { id: theirs.id },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'SHELL_ERR_NOT_FOUND' });
    const markAll = await shell.app.inject({
      method: 'POST',
      url: '/api/inbox/read',
      headers: { cookie: li.cookie, 'x-csrf-token': li.csrf },
      payload: { all: true },
    });
    expect(markAll.json()).toEqual({ marked: 0, unread: 0 });
    const zhang = await signInOn(shell.app, 'xt-zhang');
    const mine = await inbox(shell.app, zhang.cookie);
    expect(mine.items.find((i) => i.id === theirs.id)?.readAt).toBeNull();
    expect(mine.unread).toBe(1);
    expect(liId).not.toBe(zhangId);
  });

  it('refuses the anonymous, a write without the CSRF proof, and a bad body', async () => {
    expect((await shell.app.inject({ url: '/api/inbox' })).statusCode).toBe(401);
    expect((await shell.console.inject({ url: '/api/inbox/unread-count' })).statusCode).toBe(401);
    const zhang = await signInOn(shell.app, 'xt-zhang');
    const forged = await shell.app.inject({
      method: 'POST',
      url: '/api/inbox/read',
      headers: { cookie: zhang.cookie, 'sec-fetch-site': 'cross-site' },
      payload: { all: true },
    });
    expect(forged.json()).toMatchObject({ code: 'SHELL_ERR_CSRF' });
    for (const payload of [{ id: 'x' }, { all: false }, { id: 1, all: true }, {}]) {
      const bad = await shell.app.inject({
        method: 'POST',
        url: '/api/inbox/read',
        headers: { cookie: zhang.cookie, 'x-csrf-token': zhang.csrf },
        payload,
      });
      expect(bad.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await inbox(shell.app, zhang.cookie)).unread).toBe(1);
  });

  it("shows staff their role's notices on the console, read by each of them for themselves", async () => {
    const due = await send({ role: 'village-cadre', division: XIANTAN }, '本月村务该公开了');
    const cadre = await signInOn(shell.console, 'xt-cadre');
    const listed = await inbox(shell.console, cadre.cookie);
    expect(listed.items.map((i) => i.id)).toEqual([due.id]);
    const res = await shell.console.inject({
      method: 'POST',
      url: '/api/inbox/read',
      headers: { cookie: cadre.cookie, 'x-csrf-token': cadre.csrf },
      payload: { id: due.id },
    });
    expect(res.json()).toEqual({ marked: 1, unread: 0 });
    // The resident origin does not serve the console's sessions, nor residents the cadres' notices.
    expect(
      (await shell.app.inject({ url: '/api/inbox', headers: { cookie: cadre.cookie } })).statusCode,
    ).toBe(401);
    const zhang = await signInOn(shell.app, 'xt-zhang');
    expect((await inbox(shell.app, zhang.cookie)).items.some((i) => i.id === due.id)).toBe(false);
  });
});
