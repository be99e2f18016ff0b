/**
 * Web logins bound to the client that started them (issue #14): the login page's id is no longer the
 * id npm polls with — npm polls with a secret only it was given (stored hashed) — and each session keeps
 * the client's host name, address and user agent and a short code for the person to compare. Pending
 * sessions live minutes, so the table is recreated rather than converted.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('web_logins').execute();
  await db.schema
    .createTable('web_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('done_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('client_host', 'text')
    .addColumn('client_ip', 'text', (c) => c.notNull())
    .addColumn('client_agent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('token', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('web_logins').execute();
  await db.schema
    .createTable('web_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('token', 'text')
    .execute();
}
