/**
 * `ctx.notify` and `ctx.schedule` (./notify.ts) through `mountModule`: a notice is checked by the one
 * schema in the shell and the harness, recorded with the module's id; a job runs on `runJobs()` at the
 * harness clock; a bad job name or interval is refused when the module mounts.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { defineModule, type ModuleContext } from './module.js';
import { checkNotice } from './notify.js';
import { createModuleTestApp, type ModuleTestApp, stopTestDatabases } from './testing/index.js';

let t: ModuleTestApp;
afterEach(async () => t?.close());
afterAll(stopTestDatabases);

const good = {
  to: { user: 7 },
  title: '有答复了',
  body: '您反映的“路灯不亮”已有答复，点此查看',
  link: '/v/330521107201/p/x',
};

function moduleWith(use: (ctx: ModuleContext) => void) {
  return defineModule({
    id: 'notes',
    package: '@cunmen/notes',
    migrations: {},
    async routes(app, ctx) {
      use(ctx);
      app.post('/tell', async (request) => {
        await ctx.notify(request.body as never);
        return { ok: true };
      });
    },
  });
}

describe('notices', () => {
  it.each([
    ['a resident by role', { ...good, to: { role: 'resident', division: '330521107201' } }],
    ['a division that is no code', { ...good, to: { role: 'village-cadre', division: '33' } }],
    ['both a user and a role', { ...good, to: { user: 7, role: 'village-cadre', division: '330521107201' } }],
    ['a link off the portal', { ...good, link: 'https://evil.example/' }],
    ['a protocol-relative link', { ...good, link: '//evil.example/' }],
    ['a long title', { ...good, title: '这'.repeat(21) }],
    ['an empty body', { ...good, body: ' ' }],
    ['an extra field', { ...good, html: '<b>' }],
  ])('refuses %s', (_name, notice) => {
    expect(() => checkNotice(notice)).toThrow(/^notify: /);
  });

  it('records a good notice with the module id, and refuses a bad one through the mounted context', async () => {
    t = await createModuleTestApp(moduleWith(() => {}));
    expect((await t.inject({ method: 'POST', url: '/tell', payload: good })).statusCode).toBe(200);
    expect(t.notices).toEqual([{ ...good, module: 'notes' }]);
    const bad = await t.inject({ method: 'POST', url: '/tell', payload: { ...good, link: 'x' } });
    expect(bad.statusCode).toBe(500);
    expect(t.notices).toHaveLength(1);
  });
});

describe('jobs', () => {
  it('runs a scheduled job at the harness clock on runJobs()', async () => {
    const runs: string[] = [];
    t = await createModuleTestApp(
      moduleWith((ctx) =>
        ctx.schedule('sweep', 60_000, async (now) => {
          runs.push(now.toISOString());
        }),
      ),
    );
    expect(runs).toEqual([]);
    t.clock.advance(3_600_000);
    await t.runJobs();
    expect(runs).toEqual(['2026-11-02T02:00:00.000Z']);
  });

  it.each([
    ['a bad name', 'Sweep!', 60_000],
    ['a sub-second interval', 'sweep', 10],
  ])('refuses %s when the module mounts', async (_name, name, everyMs) => {
    await expect(
      createModuleTestApp(moduleWith((ctx) => ctx.schedule(name, everyMs, async () => {}))),
    ).rejects.toThrow(/^schedule: /);
  });
});
