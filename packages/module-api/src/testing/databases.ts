/**
 * The database under a module's tests, on either back end the shell runs on. SQLite in memory is the
 * embedded default. With `CUNMEN_TEST_DB=postgres` (what a module's `postgres` vitest project sets) every
 * test gets a fresh PostgreSQL database: one throwaway server per test file, started on first use, the
 * module migrated once into a template database and each test's database cloned from it
 * (`CREATE DATABASE … TEMPLATE`, a few milliseconds) — so a module's whole suite runs on both.
 *
 * `pg` is used as the shell uses it: no type parsers, so a `bigint` (`count(*)`) arrives as a string
 * here exactly as in scale mode.
 */
import { type StartedPostgres, startPostgres } from '@cunmen/test-utils';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { ModuleDialect } from '../dialect.js';
import type { ShellModule } from '../module.js';
import { migrateModule } from '../mount.js';

/** The back end the tests of this process run on: `CUNMEN_TEST_DB`, `sqlite` unless it says `postgres`. */
export function testDialect(): ModuleDialect {
  const wanted = process.env.CUNMEN_TEST_DB ?? 'sqlite';
  if (wanted !== 'sqlite' && wanted !== 'postgres') {
    throw new Error(`CUNMEN_TEST_DB is "${wanted}"; it must be "sqlite" or "postgres"`);
  }
  return wanted;
}

export interface TestDatabase {
  // biome-ignore lint/suspicious/noExplicitAny: a module's tables are its own; the harness does not type them.
  db: Kysely<any>;
  dialect: ModuleDialect;
  /**
   * Another connection pool to the same database, as a second shell instance has (PostgreSQL). The one
   * in-memory SQLite database has a single connection, which the copy shares.
   */
  connectAgain(): TestDatabase;
  /** Closes this pool; the first one also discards the database. */
  close(): Promise<void>;
}

function sqliteDatabase(): TestDatabase {
  const database = new BetterSqlite3(':memory:');
  database.pragma('foreign_keys = ON');
  // biome-ignore lint/suspicious/noExplicitAny: see TestDatabase.db
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database }) });
  const shared: TestDatabase = { db, dialect: 'sqlite', connectAgain: () => shared, close: async () => {} };
  return { db, dialect: 'sqlite', connectAgain: () => shared, close: () => db.destroy() };
}

// biome-ignore lint/suspicious/noExplicitAny: see TestDatabase.db
function postgresKysely(url: string, max: number): Kysely<any> {
  return new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max }) }) });
}

/**
 * The server of this test file (vitest runs each file in its own module graph) and one admin connection
 * (a Client, not a Pool: its `end()` resolves once the connection is closed, so stopping the server
 * never kills it mid-close).
 */
let server: Promise<{ pg: StartedPostgres; admin: pg.Client }> | undefined;
const templates = new Map<string, Promise<string>>();
const dropping = new Set<Promise<unknown>>();
let databases = 0;

function postgresServer(): Promise<{ pg: StartedPostgres; admin: pg.Client }> {
  server ??= startPostgres().then(async (started) => {
    const admin = new pg.Client({ connectionString: started.url('postgres') });
    await admin.connect();
    return { pg: started, admin };
  });
  return server;
}

/** The module migrated once per file; a template must have no open connection when it is cloned. */
function templateFor(module: ShellModule): Promise<string> {
  const key = [module.id, ...Object.keys(module.migrations).sort()].join('\n');
  let template = templates.get(key);
  if (!template) {
    template = (async () => {
      const { pg: started, admin } = await postgresServer();
      const name = `template_${module.id.replace(/-/g, '_')}_${templates.size}`;
      await admin.query(`CREATE DATABASE ${name}`);
      const db = postgresKysely(started.url(name), 1);
      try {
        await migrateModule(module, { db });
      } finally {
        await db.destroy();
      }
      return name;
    })();
    templates.set(key, template);
  }
  return template;
}

async function postgresDatabase(module: ShellModule): Promise<TestDatabase> {
  const [{ pg: started, admin }, template] = await Promise.all([postgresServer(), templateFor(module)]);
  const name = `test_${process.pid}_${++databases}`;
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const pools = new Set<Kysely<unknown>>();
  const open = (): TestDatabase => {
    const db = postgresKysely(started.url(name), 10);
    pools.add(db);
    const close = async () => {
      if (pools.delete(db)) await db.destroy();
    };
    return { db, dialect: 'postgres', connectAgain: open, close };
  };
  const first = open();
  return {
    ...first,
    async close() {
      await Promise.all([...pools].map((db) => db.destroy()));
      pools.clear();
      // Dropped in the background, so a test does not wait for it (stopTestDatabases does). A pool's
      // `end()` resolves before its connections have closed; a drop they still block fails, and the
      // database goes with the server's directory at the end of the file.
      const drop = admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
      dropping.add(drop);
      void drop.finally(() => dropping.delete(drop));
    },
  };
}

/** A fresh database for `module`'s test (not yet migrated on SQLite; migrated from the template on PG). */
export function openTestDatabase(module: ShellModule): Promise<TestDatabase> {
  return testDialect() === 'postgres' ? postgresDatabase(module) : Promise.resolve(sqliteDatabase());
}

/** Stops this test file's PostgreSQL server, if it started one (an `afterAll` of the file). */
export async function stopTestDatabases(): Promise<void> {
  const running = server;
  server = undefined;
  templates.clear();
  if (!running) return;
  const { pg: started, admin } = await running;
  await Promise.all(dropping);
  await admin.end();
  await started.stop();
}
