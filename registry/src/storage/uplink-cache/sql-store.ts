/**
 * The uplink cache: its tables and the tarballs' blobs. Embedded: its own SQLite database
 * `<data>/uplink-cache/cache.db` and blobs in `<data>/uplink-cache/blobs/`, so backups never grow with
 * copies of public packages; nothing is created until the proxy first stores something, so a registry
 * without an uplink (and every operator command) never makes the directory. Scale mode: tables in the
 * registry's PostgreSQL database (migrated under their own migration table) and blobs under
 * `uplink-cache/` in the bucket.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import type {
  BlobStore,
  PackumentForm,
  UplinkCacheStore,
  UpstreamPackument,
  UpstreamTarball,
} from '../types.js';
import { UPLINK_CACHE_MIGRATIONS } from './migrations.js';
import type { UplinkCacheDatabase } from './schema.js';

/** Applies the cache's migrations, recorded apart from the registry's own in a shared database. */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any database type
export async function migrateUplinkCache(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => UPLINK_CACHE_MIGRATIONS },
    migrationTableName: 'uplink_cache_migration',
    migrationLockTableName: 'uplink_cache_migration_lock',
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}

/** The embedded cache database, opened (and migrated) on first use. */
export async function openSqliteUplinkCache(dir: string): Promise<Kysely<UplinkCacheDatabase>> {
  mkdirSync(dir, { recursive: true });
  const database = new BetterSqlite3(join(dir, 'cache.db'));
  database.pragma('journal_mode = WAL');
  // A cache: losing the last writes to a crash costs one more fetch, so commits need not wait for the disk.
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<UplinkCacheDatabase>({ dialect: new SqliteDialect({ database }) });
  const migrator = new Migrator({ db, provider: { getMigrations: async () => UPLINK_CACHE_MIGRATIONS } });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

export class SqlUplinkCacheStore implements UplinkCacheStore {
  private opened: Promise<Kysely<UplinkCacheDatabase>> | null = null;

  /**
   * `open` makes the database ready on first use; `release` undoes it on close (the embedded cache
   * closes its own file, scale mode leaves the shared pool to its owner).
   */
  constructor(
    readonly blobs: BlobStore,
    private readonly open: () => Promise<Kysely<UplinkCacheDatabase>>,
    private readonly release: (db: Kysely<UplinkCacheDatabase>) => Promise<void>,
  ) {}

  private db(): Promise<Kysely<UplinkCacheDatabase>> {
    this.opened ??= this.open().catch((err: unknown) => {
      this.opened = null;
      throw err;
    });
    return this.opened;
  }

  async getPackument(name: string, form: PackumentForm): Promise<UpstreamPackument | null> {
    const row = await (await this.db())
      .selectFrom('uplink_packuments')
      .selectAll()
      .where('name', '=', name)
      .where('form', '=', form)
      .executeTakeFirst();
    if (!row) return null;
    return {
      name: row.name,
      form: row.form,
      body: row.body,
      etag: row.etag,
      lastModified: row.last_modified,
      fetchedAt: row.fetched_at,
      checkedAt: row.checked_at,
    };
  }

  async putPackument(p: UpstreamPackument): Promise<void> {
    const values = {
      body: p.body,
      etag: p.etag,
      last_modified: p.lastModified,
      fetched_at: p.fetchedAt,
      checked_at: p.checkedAt,
    };
    await (await this.db())
      .insertInto('uplink_packuments')
      .values({ name: p.name, form: p.form, ...values })
      .onConflict((oc) => oc.columns(['name', 'form']).doUpdateSet(values))
      .execute();
  }

  async markChecked(name: string, form: PackumentForm, checkedAt: string): Promise<void> {
    await (await this.db())
      .updateTable('uplink_packuments')
      .set({ checked_at: checkedAt })
      .where('name', '=', name)
      .where('form', '=', form)
      .execute();
  }

  async deletePackuments(name: string): Promise<void> {
    await (await this.db()).deleteFrom('uplink_packuments').where('name', '=', name).execute();
  }

  async getTarball(name: string, version: string): Promise<UpstreamTarball | null> {
    const row = await (await this.db())
      .selectFrom('uplink_tarballs')
      .selectAll()
      .where('name', '=', name)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) return null;
    return {
      name: row.name,
      version: row.version,
      blobSha256: row.blob_sha256,
      size: row.size,
      integrity: row.integrity,
      sourceUrl: row.source_url,
      fetchedAt: row.fetched_at,
    };
  }

  async putTarball(t: UpstreamTarball): Promise<void> {
    const values = {
      blob_sha256: t.blobSha256,
      size: t.size,
      integrity: t.integrity,
      source_url: t.sourceUrl,
      fetched_at: t.fetchedAt,
    };
    await (await this.db())
      .insertInto('uplink_tarballs')
      .values({ name: t.name, version: t.version, ...values })
      .onConflict((oc) => oc.columns(['name', 'version']).doUpdateSet(values))
      .execute();
  }

  /** Closes the database if it was ever opened. */
  async close(): Promise<void> {
    const opened = this.opened;
    this.opened = null;
    if (opened) await this.release(await opened);
  }
}
