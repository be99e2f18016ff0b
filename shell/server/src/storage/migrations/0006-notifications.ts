/**
 * The in-portal inbox (消息, src/notifications/): one row per notice, addressed to a user or to a role in
 * a division, and one row per notice a user has read. A role notice is one row however many staff hold
 * the role; each of them reads it for themselves.
 */
import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect/index.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .createTable('shell_notices')
    .addColumn('id', 'integer', dialect.autoId)
    .addColumn('module', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('role', 'text')
    .addColumn('division', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shell_notices_user').on('shell_notices').columns(['user_id', 'id']).execute();
  await db.schema
    .createIndex('shell_notices_role')
    .on('shell_notices')
    .columns(['role', 'division', 'id'])
    .execute();
  await db.schema
    .createTable('shell_notice_reads')
    .addColumn('notice_id', 'integer', (c) => c.notNull().references('shell_notices.id').onDelete('cascade'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shell_notice_reads_pk', ['notice_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shell_notice_reads').execute();
  await db.schema.dropTable('shell_notices').execute();
}
