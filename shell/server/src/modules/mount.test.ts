import { callerOf, defineModule, userOf } from '@cunmen/module-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageCredentials } from '../../test/page-credentials.js';
import { startRegistry, type TestRegistry } from '../../test/registry.js';
import { admin, startShell, type TestShell, XIANTAN } from '../../test/shell.js';
import { hashPassword } from '../identity/passwords.js';

const NOTES = '@cunmen/notes';
const BARE = '@cunmen/bare';
const MACHINERY = '@deqing/find-machinery';
const PASSWORD = 'correct horse battery';

/** A module as small as it gets: who is calling, and one audited write to its own table. */
const notes = defineModule({
  id: 'notes',
  package: NOTES,
  migrations: {
    '0001-initial': {
      up: async (db) => {
        await db.schema
          .createTable('notes_note')
          .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
          .addColumn('village', 'text', (c) => c.notNull())
          .addColumn('author', 'text', (c) => c.notNull())
          .execute();
      },
    },
  },
  async routes(app, ctx) {
    app.get('/whoami', async (request) => ({ caller: request.moduleCaller }));
    app.post('/notes', async (request, reply) => {
      const user = userOf(request);
      const { village } = callerOf(request);
      await ctx.db.insertInto('notes_note').values({ village, author: user.name }).execute();
      await ctx.audit.append({
        actor: user.name,
        action: 'note.add',
        subject: `village:${village}`,
        ip: request.ip,
      });
      return reply.code(201).send({ ok: true });
    });
  },
});
const bare = defineModule({
  id: 'bare',
  package: BARE,
  migrations: {},
  routes: async (app) => {
    app.get('/ping', async () => ({ pong: true }));
  },
});

let registry: TestRegistry;
let s: TestShell;

beforeAll(async () => {
  registry = await startRegistry();
  await registry.release(NOTES, '1.0.0', { capabilities: ['module.api', 'user.read'] });
  // Approved without module.api: the province may withhold it like any capability.
  await registry.publish(BARE, '1.0.0', { capabilities: ['module.api'] });
  const approved = await registry.app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/review/${BARE}/1.0.0/approve`,
    headers: { authorization: `Bearer ${registry.tokens.province}` },
    payload: { capabilities: [] },
  });
  expect(approved.statusCode).toBe(200);
  await registry.release(MACHINERY, '1.0.0');
  s = await startShell({
    registryUrl: registry.url,
    registryToken: registry.tokens.province,
    modules: [notes, bare],
  });
  const saved = await s.app.inject({
    method: 'PUT',
    url: `/api/portals/${XIANTAN}`,
    headers: admin,
    payload: {
      title: { 'zh-CN': '仙潭村门户' },
      widgets: [NOTES, BARE, MACHINERY].map((name) => ({
        name,
        version: '1.0.0',
        placements: [{ slot: 'village.home.tile/v1' }],
      })),
    },
  });
  expect(saved.statusCode).toBe(200);
  await s.app.shell.storage.identity.createUser({
    name: 'zhang',
    displayName: '张建华',
    role: 'resident',
    division: XIANTAN,
    household: 'H-0012',
    passwordHash: await hashPassword(PASSWORD),
  });
}, 60_000);

afterAll(async () => {
  await s?.close();
  await registry?.close();
});

async function session(): Promise<{ cookie: string; csrf: string }> {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { name: 'zhang', password: PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'cunmen_session');
  return { cookie: `cunmen_session=${cookie?.value}`, csrf: res.json().csrfToken };
}

async function credential(widget: string, signedIn?: { cookie: string; csrf: string }): Promise<string> {
  const token = (await pageCredentials(s.app, XIANTAN, signedIn?.cookie))[widget];
  expect(token, `a credential for ${widget}`).toBeDefined();
  return token as string;
}

describe('standard modules mounted under /api/modules/<id>', () => {
  it("gives the module the verified caller: the village, the module's version and the signed-in user", async () => {
    const anonymous = await s.app.inject({
      url: '/api/modules/notes/whoami',
      headers: { authorization: `Bearer ${await credential(NOTES)}` },
    });
    expect(anonymous.json().caller).toMatchObject({
      village: XIANTAN,
      widget: NOTES,
      version: '1.0.0',
      user: null,
    });
    const signedIn = await s.app.inject({
      url: '/api/modules/notes/whoami',
      headers: { authorization: `Bearer ${await credential(NOTES, await session())}` },
    });
    expect(signedIn.json().caller.user).toMatchObject({
      name: 'zhang',
      displayName: '张建华',
      role: 'resident',
      division: XIANTAN,
      household: 'H-0012',
    });
    const none = await s.app.inject({ url: '/api/modules/notes/whoami' });
    expect(none.json()).toEqual({ caller: null });
  });

  it("writes to the module's own table in the shell database and the shared audit log", async () => {
    const signedIn = await session();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/modules/notes/notes',
      // The session cookie rides along, as in a browser, without a CSRF header: it plays no part here.
      headers: { authorization: `Bearer ${await credential(NOTES, signedIn)}`, cookie: signedIn.cookie },
      payload: {},
    });
    expect(res.statusCode).toBe(201);
    const rows = await s.app.shell.storage.modules.database.selectFrom('notes_note').selectAll().execute();
    expect(rows).toEqual([{ id: 1, village: XIANTAN, author: 'zhang' }]);
    const audit = await s.app.shell.storage.audit.list();
    expect(audit.at(-1)).toMatchObject({
      actor: 'zhang',
      action: 'notes.note.add',
      subject: `village:${XIANTAN}`,
    });
    expect((await s.app.shell.storage.audit.verify()).ok).toBe(true);
  });

  it('refuses, in the SDK error format, credentials that are not this module’s, lack module.api, or are forged', async () => {
    const cases = [
      {
        token: await credential(MACHINERY),
        url: '/api/modules/notes/whoami',
        status: 403,
        code: 'SHELL_ERR_FORBIDDEN',
      },
      {
        token: await credential(BARE),
        url: '/api/modules/bare/ping',
        status: 403,
        code: 'SHELL_ERR_CAPABILITY_DENIED',
      },
      {
        token: 'cmw1.e30.AAAA',
        url: '/api/modules/notes/whoami',
        status: 401,
        code: 'SHELL_ERR_TOKEN_INVALID',
      },
    ];
    for (const c of cases) {
      const res = await s.app.inject({ url: c.url, headers: { authorization: `Bearer ${c.token}` } });
      expect(res.statusCode, c.code).toBe(c.status);
      expect(res.json()).toMatchObject({ code: c.code, requestId: res.headers['x-request-id'] });
      expect(typeof res.json().message).toBe('string');
    }
    const before = await s.app.shell.storage.modules.database.selectFrom('notes_note').selectAll().execute();
    const anonymousWrite = await s.app.inject({
      method: 'POST',
      url: '/api/modules/notes/notes',
      payload: {},
    });
    expect(anonymousWrite.statusCode).toBe(401);
    expect(anonymousWrite.json().code).toBe('MODULE_ERR_SIGN_IN_REQUIRED');
    expect(await s.app.shell.storage.modules.database.selectFrom('notes_note').selectAll().execute()).toEqual(
      before,
    );
  });
});
