/**
 * The audit log: append-only (triggers refuse UPDATE and DELETE) and hash-chained (each row's hash
 * covers the previous row's hash), so `audit verify` finds a row edited or deleted behind the triggers.
 */
import { type Kysely, sql } from 'kysely';

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
}
