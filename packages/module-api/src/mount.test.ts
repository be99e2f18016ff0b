import { defineErrors } from '@cunmen/errors';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callerOf, requireRole, userOf } from './caller.js';
import { addSerialId, dialectOf } from './dialect.js';
import { moduleError, parseInput } from './errors.js';
import { defineModule } from './module.js';
import { param, registerRoutes } from './routes.js';
import { createModuleTestApp, type ModuleTestApp, stopTestDatabases, testUser } from './testing/index.js';

const notesErrors = defineErrors('NOTES', '/docs/notes', {
  NOTES_ERR_DUPLICATE: { status: 409, en: 'duplicate note', zh: '重复的记录' },
});

const notes = defineModule({
  id: 'notes',
  package: '@cunmen/notes',
  migrations: {
    '0001-initial': {
      up: async (db) => {
        await addSerialId(db.schema.createTable('notes_note'), dialectOf(db))
          .addColumn('village', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .execute();
      },
    },
  },
  async routes(app, ctx) {
    app.get('/public', async () => ({ ok: true }));
    registerRoutes(
      app,
      [
        {
          method: 'GET',
          url: '/cached/:what',
          async handler(_ctx, request, reply) {
            reply.header('cache-control', 'public, max-age=300');
            const what = param(request, 'what');
            if (what === 'gone') throw notesErrors.error('NOTES_ERR_DUPLICATE');
            if (what === 'relayed')
              throw moduleError(403, 'SHELL_ERR_FORBIDDEN', 'not yours', '不是你的', 'x');
            return { what };
          },
        },
      ],
      ctx,
    );
    app.post('/notes', async (request, reply) => {
      const user = userOf(request);
      const { village } = callerOf(request);
      requireRole(user, ['village-cadre'], village);
      const body = parseInput(z.object({ text: z.string().min(1).max(10) }).strict(), request.body);
      if (body.text === 'boom') throw new Error('unexpected');
      if (body.text === 'dup') throw notesErrors.error('NOTES_ERR_DUPLICATE', { field: 'text' });
      await ctx.db.insertInto('notes_note').values({ village, text: body.text }).execute();
      await ctx.audit.append({
        actor: user.name,
        action: 'note.add',
        subject: `village:${village}`,
        ip: request.ip,
      });
      return reply.code(201).send({ ok: true, at: ctx.now().toISOString() });
    });
  },
});

let t: ModuleTestApp;
afterEach(async () => t?.close());
afterAll(stopTestDatabases);

describe('mountModule through the test harness', () => {
  it('runs the migrations, serves under /api/modules/<id> and prefixes audit actions', async () => {
    t = await createModuleTestApp(notes);
    expect((await t.inject({ url: '/public' })).json()).toEqual({ ok: true });
    const cadre = testUser('village-cadre', '330521107201', { name: 'li' });
    const res = await t.inject({ as: cadre, method: 'POST', url: '/notes', payload: { text: 'hello' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().at).toBe('2026-11-02T01:00:00.000Z');
    expect(res.headers['cache-control']).toBe('no-store');
    const rows = await t.context.db.selectFrom('notes_note').selectAll().execute();
    expect(rows).toEqual([{ id: 1, village: '330521107201', text: 'hello' }]);
    const [entry] = await t.audit.list();
    expect(entry).toMatchObject({ actor: 'li', action: 'notes.note.add', subject: 'village:330521107201' });
  });

  it('answers every refusal in the SDK error format and changes nothing', async () => {
    t = await createModuleTestApp(notes);
    const cadre = testUser('village-cadre', '330521107201');
    const cases = [
      { as: null, payload: { text: 'x' }, status: 401, code: 'MODULE_ERR_SIGN_IN_REQUIRED' },
      {
        as: testUser('resident', '330521107201'),
        payload: { text: 'x' },
        status: 403,
        code: 'MODULE_ERR_FORBIDDEN',
      },
      { as: cadre, payload: { text: '' }, status: 400, code: 'MODULE_ERR_INVALID_ARGUMENT', field: 'text' },
      { as: cadre, payload: { text: 'x', extra: 1 }, status: 400, code: 'MODULE_ERR_INVALID_ARGUMENT' },
      { as: cadre, payload: { text: 'dup' }, status: 409, code: 'NOTES_ERR_DUPLICATE', field: 'text' },
      { as: cadre, payload: { text: 'boom' }, status: 500, code: 'MODULE_ERR_INTERNAL' },
    ];
    for (const c of cases) {
      const res = await t.inject({ as: c.as, method: 'POST', url: '/notes', payload: c.payload });
      expect(res.statusCode, JSON.stringify(c)).toBe(c.status);
      const body = res.json();
      expect(body.code).toBe(c.code);
      expect(typeof body.message).toBe('string');
      expect(body.requestId).toBe(res.headers['x-request-id']);
      if (c.field) expect(body.field).toBe(c.field);
      expect(JSON.stringify(body)).not.toContain('at ');
    }
    const missing = await t.inject({ url: '/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('MODULE_ERR_NOT_FOUND');
    expect(await t.context.db.selectFrom('notes_note').selectAll().execute()).toEqual([]);
    expect(await t.audit.list()).toEqual([]);
  });

  it('registers a route table; an error is never cached and a relayed code keeps its status', async () => {
    t = await createModuleTestApp(notes);
    const ok = await t.inject({ url: '/cached/x' });
    expect(ok.json()).toEqual({ what: 'x' });
    expect(ok.headers['cache-control']).toBe('public, max-age=300');
    const gone = await t.inject({ url: '/cached/gone' });
    expect(gone.statusCode).toBe(409);
    expect(gone.headers['cache-control']).toBe('no-store');
    const relayed = await t.inject({ url: '/cached/relayed' });
    expect(relayed.statusCode).toBe(403);
    expect(relayed.json()).toEqual({
      error: 'not yours',
      code: 'SHELL_ERR_FORBIDDEN',
      message: '不是你的',
      requestId: relayed.headers['x-request-id'],
      field: 'x',
    });
  });

  it('names every field refused and answers bad JSON with the shared code', async () => {
    t = await createModuleTestApp(notes);
    const cadre = testUser('village-cadre', '330521107201');
    const res = await t.inject({ as: cadre, method: 'POST', url: '/notes', payload: { text: '', extra: 1 } });
    expect(res.json()).toMatchObject({ code: 'MODULE_ERR_INVALID_ARGUMENT', field: 'text' });
    expect(res.json().error).toMatch(/^text: .*; \(body\): /);
    const bad = await t.inject({
      as: cadre,
      method: 'POST',
      url: '/notes',
      payload: '{"text":',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('MODULE_ERR_BAD_REQUEST');
  });

  it('refuses an id or package that does not fit', () => {
    expect(() => defineModule({ ...notes, id: 'Bad_Id' })).toThrow(/module id/);
    expect(() => defineModule({ ...notes, package: 'notes' })).toThrow(/scoped npm name/);
  });
});
