/** Tables of the complaints module (prefix `complaints_`), portable Kysely schema (SQLite and PostgreSQL). */
import type { Kysely, Migration } from 'kysely';

export const migrations: Record<string, Migration> = {
  '0001-initial': {
    // biome-ignore lint/suspicious/noExplicitAny: the shell database is untyped for modules.
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('complaints_case')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('tracking', 'varchar(20)', (c) => c.notNull())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('category', 'varchar(40)', (c) => c.notNull())
        .addColumn('limit_class', 'varchar(20)', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('place', 'varchar(200)')
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('is_public', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('resident_id', 'integer', (c) => c.notNull())
        .addColumn('resident_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('household', 'varchar(60)')
        .addColumn('submitted_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('accept_due', 'varchar(30)', (c) => c.notNull())
        .addColumn('reply_due', 'varchar(30)', (c) => c.notNull())
        .addColumn('accepted_at', 'varchar(30)')
        .addColumn('owner_division', 'varchar(12)')
        .addColumn('owner_department', 'varchar(60)')
        .addColumn('owner_unit', 'varchar(120)')
        .addColumn('handler_division', 'varchar(12)')
        .addColumn('handler_department', 'varchar(60)')
        .addColumn('handler_unit', 'varchar(120)')
        .addColumn('replied_at', 'varchar(30)')
        .addColumn('answer', 'text')
        .addColumn('answer_unit', 'varchar(120)')
        .addColumn('closed_at', 'varchar(30)')
        .addColumn('resolved', 'integer')
        .addColumn('followed_up_at', 'varchar(30)')
        .addColumn('rating', 'varchar(30)')
        .addColumn('rating_comment', 'text')
        .addColumn('rated_at', 'varchar(30)')
        .addColumn('accept_escalated_at', 'varchar(30)')
        .addColumn('reply_escalated_at', 'varchar(30)')
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('complaints_case_tracking')
        .on('complaints_case')
        .columns(['village', 'tracking'])
        .unique()
        .execute();
      await db.schema
        .createIndex('complaints_case_village')
        .on('complaints_case')
        .columns(['village', 'submitted_at'])
        .execute();
      await db.schema
        .createIndex('complaints_case_resident')
        .on('complaints_case')
        .columns(['resident_id'])
        .execute();

      await db.schema
        .createTable('complaints_event')
        .addColumn('case_id', 'varchar(36)', (c) => c.notNull().references('complaints_case.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('action', 'varchar(20)', (c) => c.notNull())
        .addColumn('from_status', 'varchar(20)')
        .addColumn('to_status', 'varchar(20)')
        .addColumn('unit', 'varchar(120)', (c) => c.notNull())
        .addColumn('actor', 'varchar(100)')
        .addColumn('actor_id', 'integer')
        .addColumn('actor_role', 'varchar(30)')
        .addColumn('target', 'varchar(120)')
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('complaints_event_pk', ['case_id', 'seq'])
        .execute();

      await db.schema
        .createTable('complaints_photo')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('uploader_id', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('mime', 'varchar(30)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('case_id', 'varchar(36)', (c) => c.references('complaints_case.id'))
        .addColumn('position', 'integer')
        .execute();
      await db.schema
        .createIndex('complaints_photo_case')
        .on('complaints_photo')
        .columns(['case_id'])
        .execute();
      await db.schema
        .createIndex('complaints_photo_uploader')
        .on('complaints_photo')
        .columns(['uploader_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('complaints_settings')
        .addColumn('division', 'varchar(12)', (c) => c.primaryKey())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: the shell database is untyped for modules.
    async down(db: Kysely<any>) {
      for (const t of ['complaints_settings', 'complaints_photo', 'complaints_event', 'complaints_case']) {
        await db.schema.dropTable(t).execute();
      }
    },
  },
};
