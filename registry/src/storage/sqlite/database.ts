/**
 * The embedded database: one SQLite file in WAL mode (better-sqlite3 through Kysely), shared by the
 * account, package, catalog and audit stores.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
}

/** Applies pending migrations; safe to call from several processes on one data directory. */
export function migrateDatabase(db: Kysely<Database>, to?: string): Promise<void> {
  return migrateWith(db, sqliteDialect, to);
}
