/**
 * The embedded database: one SQLite file in WAL mode (better-sqlite3 through Kysely), shared by the
 * account, package, catalog and audit stores.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type SqliteDatabase, SqliteDialect } from 'kysely';
import { sqliteDialect } from '../dialect/sqlite.js';
import { migrateWith } from '../migrate.js';
import type { Database } from '../sql/schema.js';

export function openDatabase(file: string): Kysely<Database> {
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  // Every commit reaches the disk before it is acknowledged: a publish answered 201 survives a crash.
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  // Commands run beside the server on the same file; wait for its write lock instead of failing.
  database.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(database) }) });
}

/** More distinct statements than the stores issue; a bound against SQL built from unusual inputs. */
const MAX_CACHED_STATEMENTS = 500;

/**
 * The database as Kysely's driver sees it, preparing each SQL text once: Kysely asks `prepare` on every
 * query, and compiling the same statement again was a tenth of the registry's time per packument read
 * (bench profile). A statement still running (an iterator) is busy, so a fresh one is prepared then.
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

/** Applies pending migrations; safe to call from several processes on one data directory. */
export function migrateDatabase(db: Kysely<Database>, to?: string): Promise<void> {
  return migrateWith(db, sqliteDialect, to);
}
