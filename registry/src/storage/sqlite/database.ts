/**
 * The embedded database: one SQLite file in WAL mode (better-sqlite3 through Kysely), shared by the
 * account, package, catalog and audit stores.
 */
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { MIGRATIONS } from '../migrations/index.js';
import type { Database } from './schema.js';

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
export async function migrateDatabase(db: Kysely<Database>, to?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const { error } = to === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(to);
  if (error) throw error;
}

/** True when a write failed on a unique or primary key (a version or a scope that exists). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
