/**
 * The host API's tables: widget documents per village (one row per document, a sequence number for
 * newest-first pages), form submissions, points requests, uploaded media (bytes in the row) and the key
 * that signs widget credentials.
 */
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect/index.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .createTable('host_keys')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('host_docs')
    .addColumn('seq', 'integer', dialect.autoId)
    .addColumn('village', 'text', (c) => c.notNull().references('divisions.code'))
    .addColumn('widget', 'text', (c) => c.notNull())
    .addColumn('collection', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('updated_by', 'integer')
    .addUniqueConstraint('host_docs_id', ['village', 'widget', 'collection', 'id'])
    .execute();
  await db.schema
    .createIndex('host_docs_list')
    .on('host_docs')
    .columns(['village', 'widget', 'collection', 'seq'])
    .execute();
  await db.schema
    .createTable('host_form_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village', 'text', (c) => c.notNull().references('divisions.code'))
    .addColumn('widget', 'text', (c) => c.notNull())
    .addColumn('widget_version', 'text', (c) => c.notNull())
    .addColumn('form_id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('host_form_submissions_widget')
    .on('host_form_submissions')
    .columns(['village', 'widget'])
    .execute();
  await db.schema
    .createTable('host_points_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village', 'text', (c) => c.notNull().references('divisions.code'))
    .addColumn('widget', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.notNull())
    .addColumn('item', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('host_points_requests_village')
    .on('host_points_requests')
    .column('village')
    .execute();
  await db.schema
    .createTable('host_media')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('village', 'text', (c) => c.notNull().references('divisions.code'))
    .addColumn('widget', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('bytes', dialect.bytes, (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('host_media_widget').on('host_media').columns(['village', 'widget']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'host_media',
    'host_points_requests',
    'host_form_submissions',
    'host_docs',
    'host_keys',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
