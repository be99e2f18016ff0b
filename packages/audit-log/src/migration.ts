/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained (each row's hash
 * covers the previous row's hash), so `audit verify` finds a row edited or deleted behind the triggers.
 * The table is the same on SQLite and PostgreSQL; the triggers are each engine's own.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { ChainedAuditLog } from './chain.js';
import { PostgresAuditLog } from './postgres-audit-log.js';
import { SqliteAuditLog } from './sqlite-audit-log.js';

// biome-ignore lint/suspicious/noExplicitAny: any service database
const onPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Creates the `audit_log` table and its append-only triggers; call it from a service's migration. */
export async function createAuditLogTable(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  if (onPostgres(db)) {
    // INSERT … ON CONFLICT DO UPDATE fires the update trigger, so no upsert slips past these.
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the audit log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
    return;
  }
  await sql`create trigger audit_log_no_update before update on audit_log
    begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
  await sql`create trigger audit_log_no_delete before delete on audit_log
    begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
  // `INSERT OR REPLACE` deletes the row it collides with without firing delete triggers (unless
  // recursive_triggers is on), so refuse an insert that would replace a row before it gets there.
  await sql`create trigger audit_log_no_replace before insert on audit_log
    when exists (select 1 from audit_log where seq = new.seq or prev_hash = new.prev_hash)
    begin select raise(abort, 'the audit log is append-only'); end`.execute(db);
}

export async function dropAuditLogTable(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
  if (onPostgres(db)) await sql`drop function audit_log_append_only()`.execute(db);
}

/** The audit log kept in `db`'s `audit_log` table, appending the way its engine needs. */
// biome-ignore lint/suspicious/noExplicitAny: any service database that holds an `audit_log` table
export function openAuditLog(db: Kysely<any>): ChainedAuditLog {
  return onPostgres(db) ? new PostgresAuditLog(db) : new SqliteAuditLog(db);
}
