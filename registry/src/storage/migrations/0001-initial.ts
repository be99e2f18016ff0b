/**
 * Users and hashed tokens, packages, one row per version (unique name+version, kept after unpublish so
 * a version number is never reused), the unpacked browser assets of each version, dist-tags, blobs.
 */
import { type Kysely, sql } from 'kysely';
import type { StorageDialect } from '../dialect/types.js';

export async function up(db: Kysely<unknown>, dialect: StorageDialect): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('province', 'county')`))
    .addColumn('county', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.unique())
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .createTable('packages')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('standard', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('versions')
    .addColumn('id', 'integer', (c) => dialect.idColumn(c))
    .addColumn('package_name', 'text', (c) => c.notNull().references('packages.name'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('widget', 'standard', 'library')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'approved', 'rejected', 'unpublished')`),
    )
    .addColumn('package_json', 'text', (c) => c.notNull())
    .addColumn('manifest', 'text')
    .addColumn('integrity', 'text', (c) => c.notNull())
    .addColumn('shasum', 'text', (c) => c.notNull())
    .addColumn('blob_sha256', 'text', (c) => c.notNull().unique().references('blobs.sha256'))
    .addColumn('tarball_size', 'integer', (c) => c.notNull())
    .addColumn('unpacked_size', 'integer', (c) => c.notNull())
    .addColumn('files', 'text', (c) => c.notNull())
    .addColumn('checks', 'text', (c) => c.notNull())
    .addColumn('requested_tag', 'text', (c) => c.notNull())
    .addColumn('published_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_reason', 'text')
    .addColumn('granted_capabilities', 'text')
    .addColumn('signature', 'text')
    .addColumn('deprecated', 'text')
    .addColumn('yanked_at', 'text')
    .addColumn('yank_reason', 'text')
    .addColumn('unpublished_at', 'text')
    .addUniqueConstraint('versions_name_version_unique', ['package_name', 'version'])
    .execute();
  await db.schema
    .createTable('assets')
    .addColumn('version_id', 'integer', (c) => c.notNull().references('versions.id'))
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('blob_sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('integrity', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assets_pk', ['version_id', 'path'])
    .execute();
  await db.schema
    .createTable('dist_tags')
    .addColumn('package_name', 'text', (c) => c.notNull().references('packages.name'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dist_tags_pk', ['package_name', 'tag'])
    .execute();
  await db.schema
    .createTable('web_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('token', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['web_logins', 'dist_tags', 'assets', 'versions', 'blobs', 'packages', 'tokens', 'users']) {
    await db.schema.dropTable(t).execute();
  }
}
