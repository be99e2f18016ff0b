import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineModule } from '../module.js';
import { attempt, eachTestApp } from './each-test.js';
import { createModuleTestApp } from './index.js';

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

const t = eachTestApp(() => createModuleTestApp(counter), { beforeEach, afterEach });

describe('eachTestApp', () => {
  it('is a harness while a test runs', async () => {
    const res = await t.inject({ method: 'POST', url: '/hit', payload: { n: 1 } });
    expect(res.json()).toEqual({ ok: true });
    expect(await t.context.db.selectFrom('counter_hit').selectAll().execute()).toHaveLength(1);
  });

  it('is a new one in the next test, and can be replaced', async () => {
    expect(await t.context.db.selectFrom('counter_hit').selectAll().execute()).toHaveLength(0);
    const first = t.context;
    await t.replace(await createModuleTestApp(counter));
    expect(t.context).not.toBe(first);
  });
});

describe('attempt', () => {
  it('reports the answer and whether any row changed', async () => {
    const tables = ['counter_hit'];
    const refused = await attempt(t, tables, () => t.inject({ method: 'POST', url: '/hit', payload: { n: 0 } }));
    expect(refused).toEqual({ status: 400, body: { code: 'NOPE' }, changed: false });
    const done = await attempt(t, tables, () => t.inject({ method: 'POST', url: '/hit', payload: { n: 1 } }));
    expect(done).toMatchObject({ status: 200, changed: true });
  });
});
