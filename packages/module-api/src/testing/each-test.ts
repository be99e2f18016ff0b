/**
 * Helpers every module's API tests share: a fresh harness per test kept in one variable, and the check
 * behind every bad-input table — a refused call answers with the one error body and changes nothing.
 * Framework-free: the test runner's hooks are passed in, assertions stay in the test.
 */
import type { LightMyRequestResponse } from 'fastify';
import { stopTestDatabases } from './databases.js';
import type { ModuleTestApp } from './index.js';

export interface TestHooks {
  beforeEach(fn: () => Promise<void>): void;
  afterEach(fn: () => Promise<void>): void;
  /** Stops the file's PostgreSQL server when the tests run on PostgreSQL. */
  afterAll(fn: () => Promise<void>): void;
}

/** The harness of the running test; `replace` swaps it mid-test (other limits), closing the old one. */
export type EachTestApp = ModuleTestApp & { replace(app: ModuleTestApp): Promise<void> };

/**
 * One object that is a new harness in every test: `create` runs before each test, the app is closed
 * after it, and the file's database server after the last test. Call it at the top of the file:
 * `const t = eachTestApp(() => createModuleTestApp(myModule), { beforeEach, afterEach, afterAll });`
 */
export function eachTestApp(create: () => Promise<ModuleTestApp>, hooks: TestHooks): EachTestApp {
  let current: ModuleTestApp | null = null;
  const app = (): ModuleTestApp => {
    if (!current) throw new Error('the module test app exists only while a test runs');
    return current;
  };
  hooks.beforeEach(async () => {
    current = await create();
  });
  hooks.afterEach(async () => {
    await current?.close();
    current = null;
  });
  hooks.afterAll(stopTestDatabases);
  const replace = async (next: ModuleTestApp) => {
    await current?.close();
    current = next;
  };
  return new Proxy({} as EachTestApp, {
    get: (_target, key) => (key === 'replace' ? replace : app()[key as keyof ModuleTestApp]),
  });
}

/** Every row of `tables` and the audit log's length, to compare before and after a call. */
export async function tablesSnapshot(t: ModuleTestApp, tables: readonly string[]): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const table of tables) out[table] = await t.context.db.selectFrom(table).selectAll().execute();
  out.audit = (await t.audit.list({ limit: 100_000 })).length;
  return JSON.stringify(out);
}

export interface Attempt {
  status: number;
  /** The error body `{ error, code, message, requestId, field? }` (or whatever was answered). */
  body: Record<string, unknown>;
  /** Whether any row of `tables` or the audit log differs after the call. */
  changed: boolean;
}

/**
 * Makes the call and reports its answer and whether it changed anything, for one assertion per table
 * row: `expect(await attempt(t, TABLES, call)).toMatchObject({ status: 403, body: { code }, changed: false })`.
 */
export async function attempt(
  t: ModuleTestApp,
  tables: readonly string[],
  call: () => Promise<LightMyRequestResponse>,
): Promise<Attempt> {
  const before = await tablesSnapshot(t, tables);
  const res = await call();
  let body: Record<string, unknown>;
  try {
    body = res.json() as Record<string, unknown>;
  } catch {
    body = { raw: res.body };
  }
  return { status: res.statusCode, body, changed: (await tablesSnapshot(t, tables)) !== before };
}
