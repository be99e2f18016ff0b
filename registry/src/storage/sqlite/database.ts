/**
 * The embedded database: one SQLite file in WAL mode (better-sqlite3 through Kysely), shared by the
 * account, package, catalog and audit stores.
 */
import { openSqliteFile } from '@cunmen/sqlite';
import { Kysely, SqliteDialect } from 'kysely';
import { sqliteDialect } from '../dialect/sqlite.js';
import { migrateWith } from '../migrate.js';
import type { Database } from '../sql/schema.js';

export function openDatabase(file: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqliteFile(file) }) });
}

/** Applies pending migrations; safe to call from several processes on one data directory. */
export function migrateDatabase(db: Kysely<Database>, to?: string): Promise<void> {
  return migrateWith(db, sqliteDialect, to);
}
