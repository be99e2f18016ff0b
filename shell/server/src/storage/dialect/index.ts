/**
 * The shell's two SQL back ends, told apart in one place. Stores and migrations take the dialect from
 * the Kysely instance they are given (`dialectOf(db)`), so every query is written once and only the few
 * things the engines do differently — an auto-assigned id, a byte column, a write lock, a constraint
 * error's code — are named helpers here.
 */
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';
import { postgresDialect } from './postgres.js';
import { sqliteDialect } from './sqlite.js';

export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  /** The column type for bytes (`blob` / `bytea`). */
  readonly bytes: 'blob' | 'bytea';
  /** An integer primary key the database assigns (`autoincrement` / an identity column). */
  autoId(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /**
   * Runs `work` in a transaction that holds the write lock named `key` from its first statement, so a
   * read-check-write in it holds against every other connection and process: SQLite `BEGIN IMMEDIATE`
   * (the one database write lock), PostgreSQL a transaction-scoped advisory lock on the key.
   */
  lockedTransaction<DB, T>(db: Kysely<DB>, key: string, work: (trx: Kysely<DB>) => Promise<T>): Promise<T>;
  /**
   * Runs `work` while holding a session-level lock named `key` across instances (PostgreSQL advisory
   * lock; SQLite's migrator already locks its own table): for migrations several instances start at once.
   */
  exclusive<T>(db: Kysely<unknown>, key: string, work: () => Promise<T>): Promise<T>;
}

// biome-ignore lint/suspicious/noExplicitAny: any database the shell opened
export function dialectOf(db: Kysely<any>): SqlDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}

/** A unique or primary-key constraint refused the write (SQLite `SQLITE_CONSTRAINT_*`, PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const code = String((err as { code?: unknown } | null)?.code ?? '');
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
