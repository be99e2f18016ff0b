/**
 * The uplink cache's own migrations: it is a database of its own, beside `registry.db`, so the
 * province's data (and its backups) never grow with copies of public packages.
 */
import { type Kysely, type Migration, sql } from 'kysely';

const initial: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('uplink_packuments')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('form', 'text', (c) => c.notNull().check(sql`form in ('full', 'abbreviated')`))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addColumn('checked_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('uplink_packuments_pk', ['name', 'form'])
      .execute();
    await db.schema
      .createTable('uplink_tarballs')
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('blob_sha256', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('integrity', 'text', (c) => c.notNull())
      .addColumn('source_url', 'text', (c) => c.notNull())
      .addColumn('fetched_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('uplink_tarballs_pk', ['name', 'version'])
      .execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('uplink_tarballs').execute();
    await db.schema.dropTable('uplink_packuments').execute();
  },
};

export const UPLINK_CACHE_MIGRATIONS: Record<string, Migration> = { '0001-initial': initial };
