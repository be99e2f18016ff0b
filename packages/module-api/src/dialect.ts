/**
 * Which SQL the shell's database speaks, and the few places a module's SQL must differ by it. A module
 * writes one Kysely code path; where SQLite (the embedded default) and PostgreSQL (scale mode) really
 * differ, it calls one of these named helpers instead of branching in its queries.
 */
import {
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  type SelectQueryBuilder,
  SqliteAdapter,
  sql,
} from 'kysely';

export type ModuleDialect = 'sqlite' | 'postgres';

/**
 * The dialect of a Kysely instance, read from its adapter, so the shell passes only its Kysely and a
 * module (or a migration, which sees only `db`) can ask.
 */
// biome-ignore lint/suspicious/noExplicitAny: any module's database
export function dialectOf(db: Kysely<any>): ModuleDialect {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof PostgresAdapter) return 'postgres';
  if (adapter instanceof SqliteAdapter) return 'sqlite';
  throw new Error(`modules run on SQLite or PostgreSQL, not on ${adapter.constructor.name}`);
}

/**
 * An integer primary key the database numbers itself: `integer … autoincrement` in SQLite, `serial` in
 * PostgreSQL (which has no AUTOINCREMENT). Values come back as numbers on both.
 */
// biome-ignore lint/suspicious/noExplicitAny: a table builder of any table
export function addSerialId<T extends CreateTableBuilder<any, any>>(
  table: T,
  dialect: ModuleDialect,
  column = 'id',
): T {
  return (
    dialect === 'postgres'
      ? table.addColumn(column, 'serial', (c) => c.primaryKey())
      : table.addColumn(column, 'integer', (c) => c.primaryKey().autoIncrement())
  ) as T;
}

/**
 * Rows to work on that no other instance is working on: `FOR UPDATE SKIP LOCKED` in PostgreSQL, so two
 * shell instances sweeping at once each take different rows instead of waiting for each other. SQLite
 * has one writer at a time and no row locks; the query stays as it is. Use inside a transaction.
 */
// biome-ignore lint/suspicious/noExplicitAny: a select of any module table
export function skipLocked<Q extends SelectQueryBuilder<any, any, any>>(query: Q, dialect: ModuleDialect): Q {
  return (dialect === 'postgres' ? query.forUpdate().skipLocked() : query) as Q;
}

/**
 * Runs `work` while holding a lock named `key` across every instance on the database: a PostgreSQL
 * session advisory lock on one connection (which `work` gets as its `db`). SQLite serialises writers
 * itself and the embedded shell is one process, so there `work` just runs.
 */
export async function withAdvisoryLock<R>(
  // biome-ignore lint/suspicious/noExplicitAny: any module's database
  db: Kysely<any>,
  key: string,
  // biome-ignore lint/suspicious/noExplicitAny: any module's database
  work: (db: Kysely<any>) => Promise<R>,
): Promise<R> {
  if (dialectOf(db) !== 'postgres') return work(db);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}

/** A unique or primary key refused the row (two writers computed the same key): retry or answer 409. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  // PostgreSQL's SQLSTATE 23505; better-sqlite3's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY.
  return (
    e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * A count, sum or other aggregate as a number. PostgreSQL's `count(*)` and `sum(integer)` are `bigint`,
 * which `pg` returns as a string (it may not fit a double); module counts always fit.
 */
export function toCount(value: unknown): number {
  if (value === null || value === undefined) return 0;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`not a count: ${String(value)}`);
  return n;
}
