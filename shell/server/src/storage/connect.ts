/**
 * The two places the shell's database can be: the embedded SQLite file under the data directory, or a
 * PostgreSQL database (scale mode: several shell instances share it). Both give the same Kysely type;
 * nothing above this file knows which one it got, except through `dialectOf` (./dialect).
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './sql/schema.js';

export function openSqlite(file: string): Kysely<Database> {
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(database) }) });
}

/** More distinct statements than the stores issue; a bound against SQL built from unusual inputs. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * The database as Kysely's driver sees it, preparing each SQL text once: Kysely asks `prepare` on every
 * query, a tenth of the shell's time serving residents (bench county profile). A statement still
 * running (an iterator) is busy, so a fresh one is prepared then. (The registry does the same.)
 */
function preparedOnce(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) return cached;
      const statement = database.prepare(sql);
      if (!cached) {
        if (statements.size >= MAX_CACHED_STATEMENTS)
          statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** Connections each instance keeps open at most (PostgreSQL's default max_connections is 100). */
const POOL_SIZE = 10;

export function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, application_name: 'cunmen-shell' });
  // A connection the server drops while idle (a failover, an administrator) is replaced on next use;
  // without a listener the pool's error event would end the process.
  pool.on('error', () => undefined);
  // pool.end() resolves before its connections have closed; close() waits for them, so a test that
  // stops its PostgreSQL server next does not hit a connection still saying goodbye.
  const closing = new Set<Promise<unknown>>();
  pool.on('connect', (client) => {
    const ended = new Promise((resolve) => client.once('end', resolve));
    closing.add(ended);
    void ended.then(() => closing.delete(ended));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    await destroy();
    await Promise.all(closing);
  };
  return db;
}

/** `postgres://` or `postgresql://`: the only database URLs the shell takes. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
