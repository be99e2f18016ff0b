/**
 * A harness for a module's own API tests: the module mounted through the same `mountModule` as in the
 * shell, on a real Fastify and a real database — SQLite in memory, or a fresh PostgreSQL database when
 * the test runs in a module's `postgres` project (`CUNMEN_TEST_DB=postgres`, see ./databases.ts) — with
 * the real hash-chained audit log, a file blob store in a temporary directory and a clock the test moves.
 * Only the caller differs: the shell verifies widget credentials, the harness takes the caller the test
 * names with `as`. Notices the module sends are recorded in `notices` (checked by the same schema as in
 * the shell), and the jobs it schedules run when the test calls `runJobs()` — the shell's timer, one tick.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditLogTable, SqliteAuditLog } from '@cunmen/audit-log';
import BetterSqlite3 from 'better-sqlite3';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { Kysely, SqliteDialect } from 'kysely';
import { moduleAudit } from '../audit.js';
import type { ModuleCaller, ModuleRole, ModuleUser } from '../caller.js';
import { FileModuleBlobs } from '../file-blobs.js';
import type { ModuleContext, ModuleDivision, ShellModule } from '../module.js';
import { modulePrefix } from '../module.js';
import { mountModule } from '../mount.js';
import type { ModuleNotice, ScheduledRun } from '../notify.js';
import { openTestDatabase, type TestDatabase } from './databases.js';

const CALLER_HEADER = 'x-cunmen-test-caller';

/** The shell's demo tree (shell/server/src/storage/demo.ts): two provinces, two counties, three villages. */
export const TEST_DIVISIONS: readonly ModuleDivision[] = [
  { code: '330000', level: 'province', name: '浙江省', parent: null },
  { code: '330521', level: 'county', name: '德清县', parent: '330000' },
  { code: '330521107', level: 'township', name: '莫干山镇', parent: '330521' },
  { code: '330521107201', level: 'village', name: '仙潭村', parent: '330521107' },
  { code: '330521003', level: 'township', name: '阜溪街道', parent: '330521' },
  { code: '330521003201', level: 'village', name: '五四村', parent: '330521003' },
  { code: '370000', level: 'province', name: '山东省', parent: null },
  { code: '370323', level: 'county', name: '沂源县', parent: '370000' },
  { code: '370323108', level: 'township', name: '燕崖镇', parent: '370323' },
  { code: '370323108213', level: 'village', name: '朱家户村', parent: '370323108' },
];

export interface TestClock {
  now(): Date;
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function testClock(start: Date | string = '2026-11-02T01:00:00.000Z'): TestClock {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    set: (d) => {
      at = new Date(d).getTime();
    },
    advance: (ms) => {
      at += ms;
    },
  };
}

let nextUserId = 1;

/** A user for `as`: `testUser('village-cadre', '330521107201', { name: 'cadre1' })`. */
export function testUser(
  role: ModuleRole,
  division: string,
  overrides: Partial<ModuleUser> = {},
): ModuleUser {
  const id = overrides.id ?? nextUserId++;
  return {
    id,
    name: `${role}-${id}`,
    displayName: `${role} ${id}`,
    household: role === 'resident' ? `${division}-H${id}` : null,
    ...overrides,
    role,
    division,
  };
}

export interface InjectOptions {
  /** Who calls; `null` (the default) is an anonymous visitor with no credential at all. */
  as?: ModuleUser | { village: string; user: ModuleUser | null } | null;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the module prefix, e.g. `/cases`. */
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface ModuleTestApp {
  app: FastifyInstance;
  context: ModuleContext;
  audit: SqliteAuditLog;
  clock: TestClock;
  /** Every notice the module sent through `ctx.notify`, oldest first (the test may empty it). */
  notices: ModuleNotice[];
  /** Runs every job the module scheduled once, at the clock's time, as one tick of the shell's timer. */
  runJobs(): Promise<void>;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

function callerFor(module: ShellModule, as: InjectOptions['as']): ModuleCaller | null {
  if (!as) return null;
  const { village, user } = 'role' in as ? { village: homeVillage(as), user: as } : as;
  return { village, widget: module.package, version: '1.0.0', user, ip: '127.0.0.1' };
}

/** A village user's own village; township and county staff open the first demo village below them. */
function homeVillage(user: ModuleUser): string {
  if (user.division.length === 12) return user.division;
  const below = TEST_DIVISIONS.find(
    (d) => d.level === 'village' && d.code.startsWith(user.division.replace(/0+$/, '')),
  );
  return below?.code ?? '330521107201';
}

/** What `sameDatabaseAs` needs of an app: its database and blob directory (a symbol, so proxies pass it). */
const INTERNALS = Symbol('cunmen.moduleTestApp');
interface Internals {
  database: TestDatabase;
  blobDir: string;
}

export interface ModuleTestAppOptions {
  divisions?: readonly ModuleDivision[];
  clock?: TestClock;
  /**
   * A second shell instance: the same database through its own connection pool (PostgreSQL), the same
   * audit log, blobs and clock, its own Fastify — for tests of two instances working at once.
   */
  sameDatabaseAs?: ModuleTestApp;
}

export async function createModuleTestApp(
  module: ShellModule,
  options: ModuleTestAppOptions = {},
): Promise<ModuleTestApp> {
  const first = options.sameDatabaseAs;
  const firstInternals = first ? (first as unknown as Record<symbol, Internals>)[INTERNALS] : undefined;
  if (first && !firstInternals) throw new Error('sameDatabaseAs: not an app of createModuleTestApp');
  const database = firstInternals ? firstInternals.database.connectAgain() : await openTestDatabase(module);
  const { db, dialect } = database;
  // The shell's hash-chained audit log lives in the shell's database. The harness keeps it in SQLite on
  // both back ends (on PostgreSQL in a side database in memory): the module only appends and tests read
  // it back; the log's own PostgreSQL implementation is tested with the shell.
  let audit: SqliteAuditLog;
  let auditDb: Kysely<unknown> | null = null;
  if (first) audit = first.audit;
  else if (dialect === 'sqlite') {
    await createAuditLogTable(db);
    audit = new SqliteAuditLog(db);
  } else {
    auditDb = new Kysely({ dialect: new SqliteDialect({ database: new BetterSqlite3(':memory:') }) });
    await createAuditLogTable(auditDb);
    audit = new SqliteAuditLog(auditDb);
  }
  const blobDir = firstInternals?.blobDir ?? mkdtempSync(join(tmpdir(), `cunmen-module-${module.id}-`));
  const divisions = options.divisions ?? TEST_DIVISIONS;
  const clock = options.clock ?? first?.clock ?? testClock();
  const app = Fastify({ logger: false });
  const notices: ModuleNotice[] = [];
  const jobs = new Map<string, ScheduledRun>();
  const context: ModuleContext = {
    id: module.id,
    db,
    dialect,
    audit: moduleAudit(module.id, audit),
    blobs: new FileModuleBlobs(blobDir),
    divisions: {
      get: async (code) => divisions.find((d) => d.code === code) ?? null,
      villages: async (prefix) =>
        divisions
          .filter((d) => d.level === 'village' && d.code.startsWith(prefix))
          .sort((a, b) => a.code.localeCompare(b.code)),
    },
    now: () => clock.now(),
    log: app.log,
    notify: async (notice) => {
      notices.push({ ...notice, module: module.id });
    },
    schedule: (name, _everyMs, run) => {
      jobs.set(name, run);
    },
  };
  try {
    await mountModule(app, module, context, async (request) => {
      const header = request.headers[CALLER_HEADER];
      return typeof header === 'string'
        ? (JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as ModuleCaller)
        : null;
    });
  } catch (err) {
    // A module that fails to mount (a bad migration, job or notice) leaves no connection behind.
    await app.close();
    await database.close();
    await auditDb?.destroy();
    if (!first) rmSync(blobDir, { recursive: true, force: true });
    throw err;
  }
  await app.ready();
  const testApp: ModuleTestApp & { [INTERNALS]: Internals } = {
    [INTERNALS]: { database, blobDir },
    app,
    context,
    audit,
    clock,
    notices,
    runJobs: async () => {
      for (const run of jobs.values()) await run(clock.now());
    },
    inject: ({ as = null, method = 'GET', url, payload, headers = {} }) => {
      const caller = callerFor(module, as);
      return app.inject({
        method,
        url: `${modulePrefix(module.id)}${url}`,
        ...(payload === undefined
          ? {}
          : Buffer.isBuffer(payload) || typeof payload === 'string'
            ? { payload }
            : { payload: payload as object }),
        headers: {
          ...headers,
          ...(caller
            ? { [CALLER_HEADER]: Buffer.from(JSON.stringify(caller), 'utf8').toString('base64') }
            : {}),
        },
      });
    },
    close: async () => {
      await app.close();
      await database.close();
      await auditDb?.destroy();
      if (!first) rmSync(blobDir, { recursive: true, force: true });
    },
  };
  return testApp;
}

export { openTestDatabase, stopTestDatabases, type TestDatabase, testDialect } from './databases.js';
export {
  type Attempt,
  attempt,
  type EachTestApp,
  eachTestApp,
  type TestHooks,
  tablesSnapshot,
} from './each-test.js';
export {
  checkRefusal,
  type Outcome,
  type Params,
  type Refusal,
  refusal,
  refusalName,
  refusalTable,
} from './refusals.js';
