/** Tables of the party-building module (prefix `party_building_`), portable Kysely schema (SQLite and PostgreSQL). */
import type { Kysely, Migration } from 'kysely';

const TABLES = [
  'party_building_points',
  'party_building_pioneer',
  'party_building_post',
  'party_building_attachment',
  'party_building_attendance',
  'party_building_meeting',
  'party_building_member',
  'party_building_branch',
];

export const migrations: Record<string, Migration> = {
  '0001-initial': {
    // biome-ignore lint/suspicious/noExplicitAny: the shell database is untyped for modules.
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('party_building_branch')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('name', 'varchar(40)', (c) => c.notNull())
        .addColumn('address', 'varchar(100)', (c) => c.notNull())
        .addColumn('phone', 'varchar(20)', (c) => c.notNull())
        .addColumn('tracking_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('has_groups', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('party_building_branch_name', ['village', 'name'])
        .execute();
      // Personal data (birth date, mobile) lives here and leaves the server unmasked only to the
      // branch's officers; `account` links the member to a portal sign-in name (unique across the shell).
      await db.schema
        .createTable('party_building_member')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('branch', 'varchar(36)', (c) => c.notNull())
        .addColumn('name', 'varchar(20)', (c) => c.notNull())
        .addColumn('gender', 'varchar(6)', (c) => c.notNull())
        .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('phone', 'varchar(20)', (c) => c.notNull())
        .addColumn('joined_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('role', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(12)', (c) => c.notNull())
        .addColumn('account', 'varchar(60)', (c) => c.unique())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('party_building_member_branch')
        .on('party_building_member')
        .columns(['branch', 'name'])
        .execute();
      await db.schema
        .createTable('party_building_meeting')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('branch', 'varchar(36)', (c) => c.notNull())
        .addColumn('kind', 'varchar(10)', (c) => c.notNull())
        .addColumn('title', 'varchar(60)', (c) => c.notNull())
        .addColumn('topic', 'text', (c) => c.notNull())
        .addColumn('place', 'varchar(60)', (c) => c.notNull())
        .addColumn('planned_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(8)', (c) => c.notNull())
        .addColumn('held_on', 'varchar(10)')
        .addColumn('minutes', 'text')
        .addColumn('recorded_by', 'varchar(100)')
        .addColumn('recorded_at', 'varchar(30)')
        .addColumn('planned_by', 'varchar(100)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('party_building_meeting_branch')
        .on('party_building_meeting')
        .columns(['branch', 'planned_on'])
        .execute();
      await db.schema
        .createTable('party_building_attendance')
        .addColumn('meeting', 'varchar(36)', (c) => c.notNull())
        .addColumn('member', 'varchar(36)', (c) => c.notNull())
        .addColumn('via', 'varchar(6)', (c) => c.notNull())
        .addColumn('signed_at', 'varchar(30)', (c) => c.notNull())
        .addPrimaryKeyConstraint('party_building_attendance_pk', ['meeting', 'member'])
        .execute();
      await db.schema
        .createTable('party_building_attachment')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('meeting', 'varchar(36)', (c) => c.notNull())
        .addColumn('name', 'varchar(100)', (c) => c.notNull())
        .addColumn('mime', 'varchar(30)', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('uploaded_by', 'varchar(100)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('party_building_attachment_meeting')
        .on('party_building_attachment')
        .columns(['meeting'])
        .execute();
      await db.schema
        .createTable('party_building_post')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('branch', 'varchar(36)', (c) => c.notNull())
        .addColumn('kind', 'varchar(8)', (c) => c.notNull())
        .addColumn('title', 'varchar(60)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('author', 'varchar(100)', (c) => c.notNull())
        .addColumn('published_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('party_building_post_village')
        .on('party_building_post')
        .columns(['village', 'kind', 'published_at'])
        .execute();
      await db.schema
        .createTable('party_building_pioneer')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('branch', 'varchar(36)', (c) => c.notNull())
        .addColumn('member', 'varchar(36)', (c) => c.notNull())
        .addColumn('name', 'varchar(20)', (c) => c.notNull())
        .addColumn('honour', 'varchar(40)', (c) => c.notNull())
        .addColumn('story', 'text', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      // Append-only: a member's points are the sum of their entries; `ref` (the meeting, the study
      // material, or the entry itself) makes attending or studying count once.
      await db.schema
        .createTable('party_building_points')
        .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
        .addColumn('village', 'varchar(12)', (c) => c.notNull())
        .addColumn('branch', 'varchar(36)', (c) => c.notNull())
        .addColumn('member', 'varchar(36)', (c) => c.notNull())
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('source', 'varchar(10)', (c) => c.notNull())
        .addColumn('ref', 'varchar(36)', (c) => c.notNull())
        .addColumn('reason', 'varchar(100)', (c) => c.notNull())
        .addColumn('approver', 'varchar(100)')
        .addColumn('at', 'varchar(30)', (c) => c.notNull())
        .addUniqueConstraint('party_building_points_once', ['member', 'source', 'ref'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: the shell database is untyped for modules.
    async down(db: Kysely<any>) {
      for (const t of TABLES) await db.schema.dropTable(t).execute();
    },
  },
};

/** Every table of the module, for the tests that check a refused call changed nothing. */
export const PARTY_TABLES: readonly string[] = [...TABLES].reverse();
