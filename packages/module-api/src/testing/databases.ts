/**
 * The database under a module's tests, on either back end the shell runs on. SQLite in memory is the
 * embedded default. With `CUNMEN_TEST_DB=postgres` (what a module's `postgres` vitest project sets) every
 * test starts on a freshly migrated PostgreSQL database: one throwaway server per test file, started on
 * first use; the module migrated once into a template database; a test's database cloned from it
 * (`CREATE DATABASE … TEMPLATE`) and, once the test is done, put back to the template's state for the
 * file's next test (tables emptied, tables the test added dropped) with its connections kept open.
 * Cloning and dropping a database per test cost three times the CPU of the test itself on this 2-core
 * machine (66 tests: 49 s against 27 s), mostly the server copying and unlinking files.
 *
 * `pg` is used as the shell uses it: no type parsers, so a `bigint` (`count(*)`) arrives as a string
 * here exactly as in scale mode.
 */
import type { StartedPostgres } from '@cunmen/test-utils';
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
  // Imported when needed: widget tests in a browser-like environment import the harness too, and
  // test-utils reads file URLs when it loads.
  server ??= import('@cunmen/test-utils').then(async ({ startPostgres }) => {
    const started = await startPostgres();
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

/**
 * Ends a pool once its connections have really closed (`end()` resolves before they have, and a server
 * stopped in between would kill them with an error nobody listens to).
 */
async function endPool(pool: pg.Pool): Promise<void> {
  let open = pool.totalCount;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on('remove', () => {
      if (--open === 0) resolve();
    });
  });
  await pool.end();
  await closed;
}

/** A database of a module's template, kept with a warm pool for the file's next tests of the module. */
interface Reusable {
  name: string;
  pool: pg.Pool;
}

/** A module migrated once per file, its tables, and its databases that no test holds. */
interface Template {
  ready: Promise<{ name: string; tables: string[] }>;
  free: Reusable[];
}
const templates = new Map<string, Template>();
let databases = 0;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A template must have no open connection when it is cloned: the migrating pool is closed first. */
function templateFor(module: ShellModule): Template {
  const key = [module.id, ...Object.keys(module.migrations).sort()].join('\n');
  let template = templates.get(key);
  if (!template) {
    const name = `template_${module.id.replace(/-/g, '_')}_${templates.size}`;
    template = {
      free: [],
      ready: (async () => {
        const { pg: started, admin } = await postgresServer();
        await admin(`CREATE DATABASE ${name}`);
        const db = postgresKysely(started.url(name), 1);
        try {
          await migrateModule(module, { db });
          const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
          return { name, tables: tables.map((t) => t.name) };
        } finally {
          await db.destroy();
        }
      })(),
    };
    templates.set(key, template);
  }
  return template;
}

/**
 * Puts a database back to the template's state: tables a test created are dropped, the module's own
 * tables emptied (their serial ids restart), Kysely's bookkeeping kept. One round trip.
 */
async function reset(pool: pg.Pool, tables: string[]): Promise<void> {
  const keep = tables.map((t) => `'${t.replace(/'/g, "''")}'`).join(', ');
  const data = tables.filter((t) => !/^module_.*_migration(_lock)?$/.test(t));
  await pool.query(`DO $$ DECLARE t text; BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN (${keep}) LOOP
      EXECUTE 'DROP TABLE IF EXISTS ' || quote_ident(t) || ' CASCADE';
    END LOOP; END $$;
    ${data.length ? `TRUNCATE ${data.map(quoted).join(', ')} RESTART IDENTITY CASCADE;` : ''}`);
}

async function takeDatabase(template: Template): Promise<Reusable> {
  const [{ pg: started, admin }, { name: from, tables }] = await Promise.all([
    postgresServer(),
    template.ready,
  ]);
  const free = template.free.pop();
  if (free) {
    await reset(free.pool, tables);
    return free;
  }
  const name = `test_${++databases}`;
  // FILE_COPY copies the template's few files at once; the default (WAL_LOG) writes every page to the WAL.
  await admin(`CREATE DATABASE ${name} TEMPLATE ${from} STRATEGY FILE_COPY`);
  return { name, pool: new pg.Pool({ connectionString: started.url(name), max: 10 }) };
}

async function postgresDatabase(module: ShellModule): Promise<TestDatabase> {
  const template = templateFor(module);
  const { pg: started } = await postgresServer();
  const taken = await takeDatabase(template);
  // The test's Kysely ends the pool it is given; this one keeps the connections for the next test.
  const kept = { connect: () => taken.pool.connect(), end: async () => {} };
  // biome-ignore lint/suspicious/noExplicitAny: see TestDatabase.db
  const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: kept }) });
  const others = new Set<Kysely<unknown>>();
  let closed = false;
  const open = (): TestDatabase => {
    const again = postgresKysely(started.url(taken.name), 10);
    others.add(again);
    const close = async () => {
      if (others.delete(again)) await again.destroy();
    };
    return { db: again, dialect: 'postgres', connectAgain: open, close };
  };
  return {
    db,
    dialect: 'postgres',
    connectAgain: open,
    async close() {
      // Twice would hand the database to two later tests at once.
      if (closed) return;
      closed = true;
      await db.destroy();
      await Promise.all([...others].map((pool) => pool.destroy()));
      others.clear();
      // A connection the test still holds (a transaction it left open) would leak into the next test.
      if (taken.pool.totalCount === taken.pool.idleCount) template.free.push(taken);
      else void endPool(taken.pool).catch(() => {});
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
  const kept = [...templates.values()].flatMap((t) => t.free);
  server = undefined;
  templates.clear();
  if (!running) return;
  const { pg: started, end } = await running;
  try {
    await Promise.all(kept.map((d) => endPool(d.pool)));
    await end();
  } finally {
    // Whatever went wrong above, the server and its directory must not outlive the file.
    await started.stop();
  }
}
