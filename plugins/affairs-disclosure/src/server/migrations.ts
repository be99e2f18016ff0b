/**
 * The module's tables (prefix `affairs_disclosure_`), through Kysely's schema builder only so the
 * PostgreSQL implementation shares them. Times are ISO strings from `context.now()`; JSON is text.
 */
import type { Kysely, Migration } from 'kysely';

export const T = {
  catalogue: 'affairs_disclosure_catalogue',
  item: 'affairs_disclosure_item',
  step: 'affairs_disclosure_step',
  attachment: 'affairs_disclosure_attachment',
  question: 'affairs_disclosure_question',
  settings: 'affairs_disclosure_settings',
  reminder: 'affairs_disclosure_reminder',
} as const;

const initial: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the database untyped.
  async up(db: Kysely<any>) {
    await db.schema
      .createTable(T.catalogue)
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('basis', 'text', (c) => c.notNull())
      .addColumn('cadence', 'text', (c) => c.notNull())
      .addColumn('deadline', 'text', (c) => c.notNull())
      .addColumn('owner', 'text', (c) => c.notNull())
      .addColumn('mask_names', 'integer', (c) => c.notNull())
      .addColumn('replaces', 'text')
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('affairs_disclosure_catalogue_pk', ['scope', 'key'])
      .execute();

    await db.schema
      .createTable(T.item)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('root_id', 'text', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('supersedes', 'text')
      .addColumn('village', 'text', (c) => c.notNull())
      .addColumn('catalogue_key', 'text', (c) => c.notNull())
      .addColumn('catalogue', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('title_original', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body_original', 'text', (c) => c.notNull())
      .addColumn('blocks', 'text', (c) => c.notNull())
      .addColumn('finance_original', 'text')
      .addColumn('finance', 'text')
      .addColumn('masked_text', 'integer', (c) => c.notNull())
      .addColumn('masked_finance', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('submitted_at', 'text')
      .addColumn('reviewed_at', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('council_date', 'text')
      .addColumn('council_by', 'text')
      .addColumn('published_at', 'text')
      .addColumn('published_by', 'text')
      .addColumn('superseded_at', 'text')
      .addColumn('return_reason', 'text')
      .addColumn('revision_reason', 'text')
      .addUniqueConstraint('affairs_disclosure_item_revision', ['root_id', 'revision'])
      .execute();
    await db.schema
      .createIndex('affairs_disclosure_item_village')
      .on(T.item)
      .columns(['village', 'status'])
      .execute();
    await db.schema
      .createIndex('affairs_disclosure_item_period')
      .on(T.item)
      .columns(['village', 'catalogue_key', 'period'])
      .execute();

    await db.schema
      .createTable(T.step)
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addPrimaryKeyConstraint('affairs_disclosure_step_pk', ['item_id', 'seq'])
      .execute();

    await db.schema
      .createTable(T.attachment)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('original_sha', 'text', (c) => c.notNull())
      .addColumn('sheets', 'text', (c) => c.notNull())
      // The names found in the list's name columns (originals, never sent out), for masking the text.
      .addColumn('names', 'text', (c) => c.notNull())
      .addColumn('masked', 'integer', (c) => c.notNull())
      .addColumn('unchecked', 'integer', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('affairs_disclosure_attachment_item')
      .on(T.attachment)
      .columns(['item_id', 'seq'])
      .execute();

    await db.schema
      .createTable(T.question)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('item_id', 'text', (c) => c.notNull())
      .addColumn('root_id', 'text', (c) => c.notNull())
      .addColumn('village', 'text', (c) => c.notNull())
      .addColumn('asked_by', 'text', (c) => c.notNull())
      .addColumn('asked_at', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('answered_by', 'text')
      .addColumn('answered_at', 'text')
      .execute();
    await db.schema
      .createIndex('affairs_disclosure_question_village')
      .on(T.question)
      .columns(['village', 'answered_at'])
      .execute();

    await db.schema
      .createTable(T.settings)
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('answer_days', 'integer', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the database untyped.
  async down(db: Kysely<any>) {
    for (const table of Object.values(T).reverse()) await db.schema.dropTable(table).ifExists().execute();
  },
};

/**
 * Notices (./notices.ts): who asked a question, by account id, so the answer can be told to them; and
 * the "disclosure due" reminders already sent, one per village, catalogue item and period.
 */
const notices: Migration = {
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the database untyped.
  async up(db: Kysely<any>) {
    await db.schema.alterTable(T.question).addColumn('asked_by_id', 'integer').execute();
    await db.schema
      .createTable(T.reminder)
      .addColumn('village', 'text', (c) => c.notNull())
      .addColumn('catalogue_key', 'text', (c) => c.notNull())
      .addColumn('period', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('affairs_disclosure_reminder_pk', ['village', 'catalogue_key', 'period'])
      .execute();
  },
  // biome-ignore lint/suspicious/noExplicitAny: migrations see the database untyped.
  async down(db: Kysely<any>) {
    await db.schema.dropTable(T.reminder).ifExists().execute();
    await db.schema.alterTable(T.question).dropColumn('asked_by_id').execute();
  },
};

export const migrations: Record<string, Migration> = { '0001-initial': initial, '0002-notices': notices };
