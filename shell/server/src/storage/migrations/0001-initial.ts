/**
 * The division tree (province → county → township → village), versioned village portals (one row per
 * version, never deleted), their resolved snapshots, the current pointer, the history of saves and
 * rollbacks, and the outbox of usage reports for the registry.
 */
import { type Kysely, sql } from 'kysely';
import { dialectOf } from '../dialect/index.js';

export async function up(db: Kysely<unknown>): Promise<void> {
  const dialect = dialectOf(db);
  await db.schema
    .createTable('divisions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('province', 'county', 'township', 'village')`),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'text', (c) => c.references('divisions.code'))
    .execute();
  await db.schema.createIndex('divisions_parent').on('divisions').column('parent_code').execute();
  await db.schema
    .createTable('portal_versions')
    .addColumn('village', 'text', (c) => c.notNull().references('divisions.code'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('config', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_versions_pk', ['village', 'version'])
    .execute();
  await db.schema
    .createTable('portal_snapshots')
    .addColumn('village', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('etag', 'text', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_snapshots_pk', ['village', 'version'])
    .addForeignKeyConstraint('portal_snapshots_version', ['village', 'version'], 'portal_versions', [
      'village',
      'version',
    ])
    .execute();
  await db.schema
    .createTable('portals')
    .addColumn('village', 'text', (c) => c.primaryKey().references('divisions.code'))
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('portals_current', ['village', 'current_version'], 'portal_versions', [
      'village',
      'version',
    ])
    .execute();
  await db.schema
    .createTable('portal_events')
    .addColumn('id', 'integer', dialect.autoId)
    .addColumn('village', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('save', 'rollback')`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('previous_version', 'integer')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_events_village').on('portal_events').column('village').execute();
  await db.schema
    .createTable('usage_outbox')
    .addColumn('village', 'text', (c) => c.primaryKey())
    .addColumn('widgets', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['usage_outbox', 'portal_events', 'portals', 'portal_snapshots', 'portal_versions']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropTable('divisions').execute();
}
