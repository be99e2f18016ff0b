/**
 * A harness for a module's own API tests: the module mounted through the same `mountModule` as in the
 * shell, on a real Fastify and a real SQLite database (in memory) with the real hash-chained audit log,
 * a file blob store in a temporary directory and a clock the test moves. Only the caller differs: the
 * shell verifies widget credentials, the harness takes the caller the test names with `as`.
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

export async function createModuleTestApp(
  module: ShellModule,
  options: { divisions?: readonly ModuleDivision[]; clock?: TestClock } = {},
): Promise<ModuleTestApp> {
  const database = new BetterSqlite3(':memory:');
  database.pragma('foreign_keys = ON');
  // biome-ignore lint/suspicious/noExplicitAny: a module's tables are its own; the harness does not type them.
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
  await createAuditLogTable(db);
  const audit = new SqliteAuditLog(db);
  const blobDir = mkdtempSync(join(tmpdir(), `cunmen-module-${module.id}-`));
  const divisions = options.divisions ?? TEST_DIVISIONS;
  const clock = options.clock ?? testClock();
  const app = Fastify({ logger: false });
  const context: ModuleContext = {
    id: module.id,
    db,
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
  };
  await mountModule(app, module, context, async (request) => {
    const header = request.headers[CALLER_HEADER];
    return typeof header === 'string'
      ? (JSON.parse(Buffer.from(header, 'base64').toString('utf8')) as ModuleCaller)
      : null;
  });
  await app.ready();
  return {
    app,
    context,
    audit,
    clock,
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
      await db.destroy();
      rmSync(blobDir, { recursive: true, force: true });
    },
  };
}

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
