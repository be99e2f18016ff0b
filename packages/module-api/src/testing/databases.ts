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
 * never kills it mid-close). Admin statements run one after another, as a Client wants them.
 */
interface Server {
  pg: StartedPostgres;
  admin(statement: string): Promise<void>;
  end(): Promise<void>;
}
let server: Promise<Server> | undefined;

function postgresServer(): Promise<Server> {
  server ??= startPostgres().then(async (started) => {
    const client = new pg.Client({ connectionString: started.url('postgres') });
    await client.connect();
    let queue: Promise<unknown> = Promise.resolve();
    const admin = (statement: string) => {
      const run = queue.then(() => client.query(statement));
      queue = run.catch(() => {});
      return run.then(() => {});
    };
    return { pg: started, admin, end: () => client.end() };
  });
  return server;
}

/** A clone of a template with its first connection open and warm (that is not the test's time). */
interface Clone {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: see TestDatabase.db
  db: Kysely<any>;
}

/** A module migrated once per file, and the clone the next test of that module will get. */
interface Template {
  name: Promise<string>;
  spare?: Promise<Clone>;
}
const templates = new Map<string, Template>();
const dropping = new Set<Promise<unknown>>();
let databases = 0;

/** A template must have no open connection when it is cloned: the migrating pool is closed first. */
function templateFor(module: ShellModule): Template {
  const key = [module.id, ...Object.keys(module.migrations).sort()].join('\n');
  let template = templates.get(key);
  if (!template) {
    const name = `template_${module.id.replace(/-/g, '_')}_${templates.size}`;
    template = {
      name: (async () => {
        const { pg: started, admin } = await postgresServer();
        await admin(`CREATE DATABASE ${name}`);
        const db = postgresKysely(started.url(name), 1);
        try {
          await migrateModule(module, { db });
        } finally {
          await db.destroy();
        }
        return name;
      })(),
    };
    templates.set(key, template);
  }
  return template;
}

async function cloneOf(template: Template, module: ShellModule): Promise<Clone> {
  const [{ pg: started, admin }, from] = await Promise.all([postgresServer(), template.name]);
  const name = `test_${++databases}`;
  // FILE_COPY copies the template's few files at once; the default (WAL_LOG) writes every page to the
  // WAL and takes twice as long for a database this small.
  await admin(`CREATE DATABASE ${name} TEMPLATE ${from} STRATEGY FILE_COPY`);
  const db = postgresKysely(started.url(name), 10);
  // Finds nothing to do, but warms the connection's catalog caches for the test's own mountModule.
  await migrateModule(module, { db });
  return { name, db };
}

async function postgresDatabase(module: ShellModule): Promise<TestDatabase> {
  const template = templateFor(module);
  const taken = template.spare ?? cloneOf(template, module);
  // The next test's database is cloned while this test runs.
  template.spare = cloneOf(template, module);
  template.spare.catch(() => {});
  const [{ pg: started, admin }, { name, db }] = await Promise.all([postgresServer(), taken]);
  const pools = new Set<Kysely<unknown>>();
  const close = (pool: Kysely<unknown>) => async () => {
    if (pools.delete(pool)) await pool.destroy();
  };
  const open = (): TestDatabase => {
    const again = postgresKysely(started.url(name), 10);
    pools.add(again);
    return { db: again, dialect: 'postgres', connectAgain: open, close: close(again) };
  };
  pools.add(db);
  return {
    db,
    dialect: 'postgres',
    connectAgain: open,
    async close() {
      await Promise.all([...pools].map((pool) => pool.destroy()));
      pools.clear();
      // Dropped in the background, so a test does not wait for it (stopTestDatabases does). A pool's
      // `end()` resolves before its connections have closed; a drop they still block fails, and the
      // database goes with the server's directory at the end of the file.
      const drop = admin(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
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
  const spares = [...templates.values()].map((t) => t.spare);
  server = undefined;
  templates.clear();
  if (!running) return;
  for (const spare of spares) await (await spare?.catch(() => null))?.db.destroy();
  await Promise.all(dropping);
  const { pg: started, end } = await running;
  await end();
  await started.stop();
}
