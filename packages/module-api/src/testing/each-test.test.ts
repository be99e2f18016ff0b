import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineModule } from '../module.js';
import { attempt, eachTestApp } from './each-test.js';
import { createModuleTestApp, testUser } from './index.js';
import { checkRefusal, refusal, refusalTable } from './refusals.js';

const counter = defineModule({
  id: 'counter',
  package: '@cunmen/counter',
  migrations: {
    '0001': {
      up: async (db) => {
        await db.schema.createTable('counter_hit').addColumn('n', 'integer').execute();
      },
    },
  },
  async routes(app, ctx) {
    app.post('/hit', async (request, reply) => {
      if ((request.body as { n?: number }).n === 0) return reply.code(400).send({ code: 'NOPE' });
      await ctx.db.insertInto('counter_hit').values({ n: 1 }).execute();
      return { ok: true };
    });
  },
});

const t = eachTestApp(() => createModuleTestApp(counter), { beforeEach, afterEach, afterAll });

describe('eachTestApp', () => {
  it('is a harness while a test runs', async () => {
    const res = await t.inject({ method: 'POST', url: '/hit', payload: { n: 1 } });
    expect(res.json()).toEqual({ ok: true });
    expect(await t.context.db.selectFrom('counter_hit').selectAll().execute()).toHaveLength(1);
    await t.context.db.schema.createTable('counter_extra').addColumn('n', 'integer').execute();
  });

  it('is a new one in the next test, and can be replaced', async () => {
    expect(await t.context.db.selectFrom('counter_hit').selectAll().execute()).toHaveLength(0);
    // The table the last test added is gone too (PostgreSQL reuses the file's database, reset).
    await t.context.db.schema.createTable('counter_extra').addColumn('n', 'integer').execute();
    const first = t.context;
    await t.replace(await createModuleTestApp(counter));
    expect(t.context).not.toBe(first);
  });
});

describe('attempt', () => {
  it('reports the answer and whether any row changed', async () => {
    const tables = ['counter_hit'];
    const refused = await attempt(t, tables, () =>
      t.inject({ method: 'POST', url: '/hit', payload: { n: 0 } }),
    );
    expect(refused).toEqual({ status: 400, body: { code: 'NOPE' }, changed: false });
    const done = await attempt(t, tables, () => t.inject({ method: 'POST', url: '/hit', payload: { n: 1 } }));
    expect(done).toMatchObject({ status: 200, changed: true });
  });
});

describe('refusal tables', () => {
  const rows = refusalTable([
    { as: null, call: 'POST /hit', body: { n: 0 }, want: [400, 'NOPE'] },
    {
      given: async () => ({ what: 'x' }),
      as: { village: '330521107201', user: testUser('resident', '330521107201', { name: 'li' }) },
      call: 'POST /:what',
      want: [404, 'MODULE_ERR_NOT_FOUND', 'path'],
    },
  ]);

  it('reads a one-line row', () => {
    const given = async () => ({ id: '1' });
    expect(refusal(given, null, 'GET /x/:id', undefined, '404 X_ERR_GONE id')).toEqual({
      given,
      as: null,
      call: 'GET /x/:id',
      want: [404, 'X_ERR_GONE', 'id'],
    });
    expect(refusal(null, null, 'POST /x', { a: 1 }, '409 X_ERR_TWICE').want).toEqual([409, 'X_ERR_TWICE']);
    expect(() => refusal(null, null, 'POST /x', {}, 'X_ERR_TWICE')).toThrow(/status CODE/);
  });

  it('names each row by caller, call and code', () => {
    expect(rows.map(([name]) => name)).toEqual([
      'anonymous: POST /hit → NOPE',
      'li in 330521107201: POST /:what → MODULE_ERR_NOT_FOUND (path)',
    ]);
  });

  it('sets what came back beside what the row wants', async () => {
    const [, first] = rows[0] as (typeof rows)[number];
    expect(await checkRefusal(t, ['counter_hit'], first)).toEqual({
      got: { status: 400, code: 'NOPE', zhMessage: false, changed: false },
      want: { status: 400, code: 'NOPE', zhMessage: true, changed: false },
    });
    const [, second] = rows[1] as (typeof rows)[number];
    const { got, want } = await checkRefusal(t, ['counter_hit'], second);
    expect(got).toEqual({ ...want, field: undefined });
  });

  it('sees a change the call made', async () => {
    const { got } = await checkRefusal(t, ['counter_hit'], {
      as: null,
      call: 'POST /hit',
      body: { n: 1 },
      want: [400, 'NOPE'],
    });
    expect(got).toMatchObject({ status: 200, changed: true });
  });
});
