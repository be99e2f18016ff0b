/** Tables of the points module (prefix `points_`), portable Kysely schema (SQLite and PostgreSQL). */
import type { Kysely, Migration } from 'kysely';

const TABLES = [
  'points_settings',
  'points_goods',
  'points_photo',
  'points_claim',
  'points_entry',
  'points_household',
  'points_item',
  'points_rulebook',
];

export const migrations: Record<string, Migration> = {
  '0001-initial': {
    // biome-ignore lint/suspicious/noExplicitAny: the shell database is untyped for modules.
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('points_rulebook')
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('adopted_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('assembly_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('attendance', 'integer', (c) => c.notNull())
        .addColumn('votes_for', 'integer', (c) => c.notNull())
        .addColumn('votes_against', 'integer', (c) => c.notNull())
        .addColumn('abstaining', 'integer', (c) => c.notNull())
        .addColumn('recorded_by', 'varchar(100)', (c) => c.notNull())
        .addColumn('recorded_at', 'varchar(30)', (c) => c.notNull())
        .addPrimaryKeyConstraint('points_rulebook_pk', ['village', 'version'])
        .execute();
      await db.schema
        .createTable('points_item')
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('code', 'varchar(12)', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('title', 'varchar(60)', (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('evidence', 'varchar(200)', (c) => c.notNull())
        .addColumn('proposer', 'varchar(60)', (c) => c.notNull())
        .addPrimaryKeyConstraint('points_item_pk', ['village', 'version', 'code'])
        .execute();
      // One row per household of the village: its head's name for the boards, and `seq`, the number of
      // its ledger entries, which every append bumps first — the row lock that serialises writers.
      await db.schema
        .createTable('points_household')
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('code', 'varchar(40)', (c) => c.notNull())
        .addColumn('head', 'varchar(40)', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('registered_at', 'varchar(30)', (c) => c.notNull())
        .addPrimaryKeyConstraint('points_household_pk', ['village', 'code'])
        .execute();
      await db.schema
        .createTable('points_entry')
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('household', 'varchar(40)', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addColumn('kind', 'varchar(12)', (c) => c.notNull())
        .addColumn('item_code', 'varchar(12)')
        .addColumn('item_title', 'varchar(60)')
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('redeemable', 'integer', (c) => c.notNull())
        .addColumn('evidence', 'text')
        .addColumn('approver', 'varchar(100)')
        .addColumn('second_approver', 'varchar(100)')
        .addColumn('rulebook_version', 'integer')
        .addColumn('claim_id', 'varchar(36)')
        .addColumn('goods_id', 'varchar(36)')
        .addColumn('quantity', 'integer')
        .addColumn('year', 'integer')
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('points_entry_pk', ['village', 'household', 'seq'])
        .execute();
      await db.schema.createIndex('points_entry_at').on('points_entry').columns(['village', 'at']).execute();
      await db.schema
        .createTable('points_claim')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('household', 'varchar(40)', (c) => c.notNull())
        .addColumn('item_code', 'varchar(12)', (c) => c.notNull())
        .addColumn('item_title', 'varchar(60)', (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('quantity', 'integer', (c) => c.notNull())
        .addColumn('rulebook_version', 'integer', (c) => c.notNull())
        .addColumn('evidence', 'text')
        .addColumn('photo', 'varchar(36)')
        .addColumn('source', 'varchar(10)', (c) => c.notNull())
        .addColumn('claimant', 'varchar(100)', (c) => c.notNull())
        .addColumn('claimant_id', 'integer')
        .addColumn('request_ref', 'varchar(60)', (c) => c.unique())
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('first_approver', 'varchar(100)')
        .addColumn('second_approver', 'varchar(100)')
        .addColumn('reason', 'text')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('decided_at', 'varchar(30)')
        .execute();
      await db.schema
        .createIndex('points_claim_queue')
        .on('points_claim')
        .columns(['village', 'status', 'created_at'])
        .execute();
      await db.schema
        .createTable('points_photo')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('uploader_id', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('mime', 'varchar(30)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('claim_id', 'varchar(36)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('points_goods')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('name', 'varchar(40)', (c) => c.notNull())
        .addColumn('price', 'integer', (c) => c.notNull())
        .addColumn('stock', 'integer', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('points_goods_village').on('points_goods').columns(['village']).execute();
      await db.schema
        .createTable('points_settings')
        .addColumn('village', 'varchar(12)', (c) => c.primaryKey())
        .addColumn('settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: the shell database is untyped for modules.
    async down(db: Kysely<any>) {
      for (const t of TABLES) await db.schema.dropTable(t).execute();
    },
  },
};

/** Every table of the module, for the tests that check a refused call changed nothing. */
export const POINTS_TABLES: readonly string[] = [...TABLES].reverse();
