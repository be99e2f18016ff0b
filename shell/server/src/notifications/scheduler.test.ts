/**
 * The scheduler (./scheduler.ts): with the clock moved past a complaint's time limit, one tick and no
 * request escalate the case and put the notice in the township staff's inbox; with two instances on
 * one PostgreSQL, each job runs once per interval; stopping waits for a tick in progress.
 */
import { randomUUID } from 'node:crypto';
import { makeTempDir } from '@cunmen/test-utils';
import type { FastifyBaseLogger } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, PASSWORD, signInOn, startConsoleShell } from '../../test/console.js';
import { freshDatabase, testsOnPostgres } from '../../test/postgres.js';
import { XIANTAN } from '../../test/shell.js';
import { hashPassword } from '../identity/passwords.js';
import { openStorage } from '../storage/index.js';
import { Scheduler } from './scheduler.js';

const START = Date.parse('2026-11-02T01:00:00.000Z');
let at = START;
const now = () => new Date(at);
const HOUR = 3600_000;
const TOWNSHIP = '330521107';
const silent = { error: () => {}, warn: () => {}, info: () => {} } as unknown as FastifyBaseLogger;

let shell: ConsoleShell;
beforeAll(async () => {
  shell = await startConsoleShell('http://localhost:9090', { now });
  await shell.app.shell.storage.identity.createUser({
    name: 'mgs-town',
    displayName: '莫干山镇干部',
    role: 'township-staff',
    division: TOWNSHIP,
    passwordHash: await hashPassword(PASSWORD),
  });
}, 60_000);
afterAll(async () => {
  await shell?.close();
});

/** A complaint as the module's intake stores it, submitted now with a 2-hour accept limit. */
async function submittedCase(): Promise<string> {
  const id = randomUUID();
  const iso = (ms: number) => new Date(ms).toISOString();
  await shell.app.shell.storage.modules.database
    // biome-ignore lint/suspicious/noExplicitAny: the module's own table, written as its intake does
    .insertInto('complaints_case' as any)
    .values({
      id,
      tracking: 'JS20261102-0001',
      village: XIANTAN,
      category: 'roads',
      limit_class: 'normal',
      text: '路灯不亮',
      is_public: 0,
      status: 'submitted',
      resident_id: 1,
      resident_name: '张阿婆',
      submitted_at: iso(at),
      accept_due: iso(at + 2 * HOUR),
      reply_due: iso(at + 7 * 24 * HOUR),
      updated_at: iso(at),
    })
    .execute();
  return id;
}

describe('the scheduler', () => {
  it('escalates an overdue complaint and tells the township staff on a tick, with no request', async () => {
    const scheduler = shell.app.shell.scheduler;
    expect(scheduler.names()).toContain('complaints.sla-sweep');
    const id = await submittedCase();
    expect(await scheduler.tick()).toMatchObject({ 'complaints.sla-sweep': 'ran' });

    at += 3 * HOUR; // past the accept limit; nobody opens the case
    await scheduler.tick();
    const row = await shell.app.shell.storage.modules.database
      // biome-ignore lint/suspicious/noExplicitAny: the module's own table
      .selectFrom('complaints_case' as any)
      .select(['accept_escalated_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.accept_escalated_at).toBe(new Date(START + 3 * HOUR).toISOString());

    const town = await signInOn(shell.console, 'mgs-town');
    const inbox = await shell.console.inject({ url: '/api/inbox', headers: { cookie: town.cookie } });
    expect(inbox.json()).toMatchObject({
      unread: 1,
      items: [
        {
          module: 'complaints',
          title: '有案件超时，已提级',
          body: '“路灯不亮”（JS20261102-0001）超过受理时限，已提级到乡镇督办，请尽快处理',
          link: `/v/${XIANTAN}/cadre/complaints`,
        },
      ],
    });
    // The next interval finds nothing new to escalate or tell.
    at += 60_000;
    await scheduler.tick();
    const again = await shell.console.inject({
      url: '/api/inbox/unread-count',
      headers: { cookie: town.cookie },
    });
    expect(again.json()).toEqual({ unread: 1 });
  });

  it('runs a job once per interval, not on every tick, and waits for a running tick on stop', async () => {
    let clock = START;
    const runs: string[] = [];
    let release = () => {};
    const scheduler = new Scheduler({ leases: null, now: () => new Date(clock), log: silent });
    scheduler.add({
      name: 'test.every-minute',
      everyMs: 60_000,
      run: async (t) => void runs.push(t.toISOString()),
    });
    await scheduler.tick();
    clock += 30_000;
    await scheduler.tick();
    clock += 30_000;
    await scheduler.tick();
    expect(runs).toEqual([new Date(START).toISOString(), new Date(START + 60_000).toISOString()]);

    scheduler.add({
      name: 'test.slow',
      everyMs: 60_000,
      run: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    });
    clock += 60_000;
    const tick = scheduler.tick();
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await Promise.all([tick, stopping]);
    expect(stopped).toBe(true);
  });

  it('logs a failing job and keeps running the others', async () => {
    const errors: unknown[] = [];
    const log = { ...silent, error: (o: unknown) => void errors.push(o) } as unknown as FastifyBaseLogger;
    const scheduler = new Scheduler({ leases: null, now, log });
    let ran = false;
    scheduler.add({
      name: 'test.broken',
      everyMs: 60_000,
      run: async () => Promise.reject(new Error('boom')),
    });
    scheduler.add({
      name: 'test.fine',
      everyMs: 60_000,
      run: async () => {
        ran = true;
      },
    });
    expect(await scheduler.tick()).toEqual({ 'test.broken': 'failed', 'test.fine': 'ran' });
    expect(ran).toBe(true);
    expect(errors).toHaveLength(1);
  });

  it.runIf(testsOnPostgres())('runs each job on one of two instances sharing PostgreSQL', async () => {
    const url = await freshDatabase();
    const dirs = [await makeTempDir('cunmen-sched-a-'), await makeTempDir('cunmen-sched-b-')];
    const a = await openStorage(dirs[0]?.path as string, { databaseUrl: url });
    const b = await openStorage(dirs[1]?.path as string, { databaseUrl: url });
    try {
      let clock = START;
      const runs: string[] = [];
      const instance = (name: string, storage: typeof a) => {
        const s = new Scheduler({ leases: storage.leases, now: () => new Date(clock), log: silent });
        s.add({
          name: 'test.sweep',
          everyMs: 60_000,
          run: async () => {
            runs.push(name);
            await new Promise((r) => setTimeout(r, 30));
          },
        });
        return s;
      };
      const one = instance('a', a);
      const two = instance('b', b);
      const first = await Promise.all([one.tick(), two.tick()]);
      expect(runs).toHaveLength(1);
      expect(first.map((o) => o['test.sweep']).sort()).toEqual(['held-elsewhere', 'ran']);
      clock += 60_000;
      await Promise.all([one.tick(), two.tick()]);
      clock += 60_000;
      await Promise.all([two.tick(), one.tick()]);
      expect(runs).toHaveLength(3);
    } finally {
      await a.close();
      await b.close();
      for (const d of dirs) await d?.remove();
    }
  });
});
