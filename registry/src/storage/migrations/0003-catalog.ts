/**
 * The catalog: one row per package that has an installable version (`catalog_entries`, rebuilt from the
 * package's current approved, non-yanked version by `CatalogStore.reindex`), its searchable text in an
 * table indexed for substring search (SQLite FTS5 trigram, PostgreSQL pg_trgm: Chinese has no spaces
 * between words), and the widgets each village portal uses (`portal_usage`, replaced by every assembly report).
 * Existing approved versions are indexed here, so a data directory from before the catalog has one
 * (`rebuildCatalog` writes exactly the columns created here; a later migration that changes them must
 * rebuild the catalog itself).
 */
import type { Kysely } from 'kysely';
import type { StorageDialect } from '../dialect/types.js';
import { rebuildCatalog } from '../sql/catalog-index.js';
import type { Database } from '../sql/schema.js';

export async function up(db: Kysely<unknown>, dialect: StorageDialect): Promise<void> {
  await db.schema
    .createTable('catalog_entries')
    .addColumn('package_name', 'text', (c) => c.primaryKey().references('packages.name'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('county', 'text')
    .addColumn('sdk', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('capabilities', 'text', (c) => c.notNull())
    .addColumn('granted_capabilities', 'text')
    .addColumn('size', 'text')
    .addColumn('deprecated', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('catalog_entries_category').on('catalog_entries').column('category').execute();
  await db.schema.createIndex('catalog_entries_county').on('catalog_entries').column('county').execute();
  await dialect.createCatalogText(db);
  await db.schema
    .createTable('portal_usage')
    .addColumn('village', 'text', (c) => c.notNull())
    .addColumn('county', 'text', (c) => c.notNull())
    .addColumn('package_name', 'text', (c) => c.notNull().references('packages.name'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_usage_pk', ['village', 'package_name'])
    .execute();
  await db.schema
    .createIndex('portal_usage_package')
    .on('portal_usage')
    .columns(['package_name', 'version'])
    .execute();
  await rebuildCatalog(db as unknown as Kysely<Database>);
}

export async function down(db: Kysely<unknown>, dialect: StorageDialect): Promise<void> {
  await db.schema.dropTable('portal_usage').execute();
  await dialect.dropCatalogText(db);
  await db.schema.dropTable('catalog_entries').execute();
}
