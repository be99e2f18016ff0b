/**
 * The embedded SQLite file as the registry and the shell open it. Both run Kysely over better-sqlite3;
 * the pragmas and the statement cache are the same decisions for both, so they live here once.
 */
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** More distinct statements than the stores issue; a bound against SQL built from unusual inputs. */
export const MAX_CACHED_STATEMENTS = 500;

/**
 * Opens (creating when missing) the file for Kysely's `SqliteDialect`: WAL; every commit on disk before it
 * is acknowledged (a publish answered 201 survives a crash); foreign keys on; a command running beside the
 * server waits up to 5 s for its write lock instead of failing.
 */
export function openSqliteFile(file: string): SqliteDatabase {
  const database = new BetterSqlite3(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = FULL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return preparedOnce(database);
}

/**
 * The database as Kysely's driver sees it, preparing each SQL text once: Kysely asks `prepare` on every
 * query, and compiling the same statement again was a tenth of the time per request in both services'
 * bench profiles (registry packuments, the shell under county load). A statement still running (an
 * iterator) is busy, so a fresh one is prepared then; the oldest text leaves when the cache is full.
 */
export function preparedOnce(database: BetterSqlite3.Database): SqliteDatabase {
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
