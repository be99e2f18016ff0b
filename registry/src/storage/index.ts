/**
 * Opens the embedded storage under one data directory: `registry.db` (SQLite, WAL) and `blobs/`, and
 * `uplink-cache/` once the uplink proxy stores something.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileBlobStore } from './blobs/file-store.js';
import { SqliteAccountStore } from './sqlite/account-store.js';
import { SqliteAuditLog } from './sqlite/audit-store.js';
import { SqliteCatalogStore } from './sqlite/catalog-store.js';
import { migrateDatabase, openDatabase } from './sqlite/database.js';
import { SqlitePackageStore } from './sqlite/package-store.js';
import type { Storage } from './types.js';
import { SqliteUplinkCacheStore } from './uplink-cache/sqlite-store.js';

/** The uplink's cache, beside the province's own data and never part of a backup. */
export const UPLINK_CACHE_DIR = 'uplink-cache';

export async function openStorage(dataDir: string): Promise<Storage> {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(join(dataDir, 'registry.db'));
  await migrateDatabase(db);
  const uplinkCache = new SqliteUplinkCacheStore(join(dataDir, UPLINK_CACHE_DIR));
  return {
    accounts: new SqliteAccountStore(db),
    packages: new SqlitePackageStore(db),
    blobs: new FileBlobStore(join(dataDir, 'blobs')),
    audit: new SqliteAuditLog(db),
    catalog: new SqliteCatalogStore(db),
    uplinkCache,
    close: async () => {
      await uplinkCache.close();
      await db.destroy();
    },
  };
}

export type * from './types.js';
