/** Privileged actions and reads of personal data land in the shell's hash-chained audit log; refusals do not. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type TestRegistry } from '../test/registry.js';
import { admin, machineryConfig, startShell, type TestShell, XIANTAN } from '../test/shell.js';
import { hashPassword } from './identity/passwords.js';

let registry: TestRegistry;
let shell: TestShell;

beforeAll(async () => {
  registry = await startRegistry();
  await registry.release('@deqing/find-machinery', '1.0.0');
  shell = await startShell({ registryUrl: registry.url, registryToken: registry.tokens.province });
}, 60_000);

afterAll(async () => {
  await shell?.close();
  await registry?.close();
});

describe('the shell audit log', () => {
  it('records portal saves and rollbacks, sign-ins and failed sign-ins, and verifies', async () => {
    const json = { ...admin, 'content-type': 'application/json' };
    const put = (payload: Record<string, unknown>, baseVersion: number) =>
      shell.app.inject({
        method: 'PUT',
        url: `/api/portals/${XIANTAN}`,
        headers: json,
        payload: { ...payload, baseVersion },
      });
    expect((await put(machineryConfig(), 0)).statusCode).toBe(200);
    expect((await put(machineryConfig('9.9.9'), 1)).statusCode).toBe(400);
    expect((await put(machineryConfig(), 1)).statusCode).toBe(200);
    const back = await shell.app.inject({
      method: 'POST',
      url: `/api/portals/${XIANTAN}/rollback`,
      headers: json,
      payload: { version: 1 },
    });
    expect(back.statusCode).toBe(200);
    await shell.app.shell.storage.identity.createUser({
      name: 'cadre',
      displayName: '村委',
      role: 'village-cadre',
      division: XIANTAN,
      passwordHash: await hashPassword('correct horse battery'),
    });
    for (const password of ['wrong password!', 'correct horse battery']) {
      await shell.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { name: 'cadre', password },
      });
    }
    const rows = await shell.app.shell.storage.audit.list();
    expect(rows.map((r) => [r.actor, r.action, r.subject, r.detail])).toEqual([
      ['operator', 'portal.save', `village:${XIANTAN}`, { version: 1 }],
      ['operator', 'portal.save', `village:${XIANTAN}`, { version: 2 }],
      ['operator', 'portal.rollback', `village:${XIANTAN}`, { version: 1 }],
      ['cadre', 'auth.login-failed', 'user:cadre', {}],
      ['cadre', 'auth.login', 'user:cadre', { via: 'password' }],
    ]);
    expect(rows.every((r) => r.ip === '127.0.0.1')).toBe(true);
    expect(await shell.app.shell.storage.audit.verify()).toMatchObject({ ok: true, count: 5 });
  });

  it('records portal refreshes (by staff and by the timer), household detail reads and sign-outs', async () => {
    const json = { ...admin, 'content-type': 'application/json' };
    const after = (await shell.app.shell.storage.audit.list()).length;
    const refreshed = await shell.app.inject({
      method: 'POST',
      url: `/api/portals/${XIANTAN}/refresh`,
      headers: admin,
    });
    expect(refreshed.statusCode).toBe(200);
    await registry.yank('@deqing/find-machinery', '1.0.0', 'a broken build');
    expect(await shell.app.shell.portals.refreshAll({ warn: () => undefined })).toBe(1);

    const created = await shell.app.inject({
      method: 'POST',
      url: `/api/villages/${XIANTAN}/households`,
      headers: json,
      payload: { number: '0077', head: '沈国强' },
    });
    const id = created.json().id as number;
    expect(
      (await shell.app.inject({ url: `/api/villages/${XIANTAN}/households/${id}`, headers: admin }))
        .statusCode,
    ).toBe(200);
    // A read that is refused (no such household) reads nothing and is not recorded.
    expect(
      (await shell.app.inject({ url: `/api/villages/${XIANTAN}/households/99999`, headers: admin }))
        .statusCode,
    ).toBe(404);

    const login = await shell.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name: 'cadre', password: 'correct horse battery' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const out = await shell.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': login.json().csrfToken },
    });
    expect(out.statusCode).toBe(200);

    const rows = (await shell.app.shell.storage.audit.list()).slice(after);
    expect(rows.map((r) => [r.actor, r.action, r.subject, r.detail])).toEqual([
      ['operator', 'portal.refresh', `village:${XIANTAN}`, { version: 1, changed: false }],
      ['system', 'portal.refresh', `village:${XIANTAN}`, { version: 1, changed: true }],
      ['operator', 'household.create', `village:${XIANTAN}`, { household: '0077' }],
      ['operator', 'household.read', `village:${XIANTAN}`, { household: '0077', residents: 0 }],
      ['cadre', 'auth.login', 'user:cadre', { via: 'password' }],
      ['cadre', 'auth.logout', 'user:cadre', {}],
    ]);
    expect(await shell.app.shell.storage.audit.verify()).toMatchObject({ ok: true, count: after + 6 });
  });
});
