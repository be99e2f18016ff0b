/**
 * Opens the registry's storage. Embedded (the default): under one data directory, `registry.db`
 * (SQLite, WAL) and `blobs/`, and `uplink-cache/` once the uplink proxy stores something. Scale mode,
 * chosen by configuration only: the metadata in PostgreSQL (`databaseUrl`) and/or the blobs in an
 * S3-compatible bucket (`s3`); each instance opens the same database and bucket, and holds nothing in
 * memory that another instance must agree with.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  FileObjectStore,
  type ObjectStore,
  S3ObjectStore,
  type S3ObjectStoreOptions,
} from '@cunmen/object-store';
import type { Kysely } from 'kysely';
import { ObjectBlobStore } from './blobs/object-blob-store.js';
import { postgresDialect } from './dialect/postgres.js';
import { sqliteDialect } from './dialect/sqlite.js';
import type { StorageDialect } from './dialect/types.js';
import { migratePostgres, openPostgres } from './postgres/database.js';
import { SqlAccountStore } from './sql/account-store.js';
import { openAuditLog } from './sql/audit-store.js';
import { SqlCatalogStore } from './sql/catalog-store.js';
import { SqlPackageStore } from './sql/package-store.js';
import { SqlRateLimitStore } from './sql/rate-limit-store.js';
import type { Database } from './sql/schema.js';
import { migrateDatabase, openDatabase } from './sqlite/database.js';
import type { Storage } from './types.js';
import { migrateUplinkCache, openSqliteUplinkCache, SqlUplinkCacheStore } from './uplink-cache/sql-store.js';

/** The uplink's cache, beside the province's own data and never part of a backup. */
export const UPLINK_CACHE_DIR = 'uplink-cache';

/** Where scale mode keeps things; each part is optional and falls back to the data directory. */
export interface ScaleStorageOptions {
  /** `postgres://…`: the metadata in PostgreSQL instead of `<data>/registry.db`. */
  databaseUrl?: string;
  /** A bucket for the blobs instead of `<data>/blobs/`; created when missing. */
  s3?: S3ObjectStoreOptions;
}

/** True when the options move anything out of the data directory. */
export function isScaleMode(scale: ScaleStorageOptions = {}): boolean {
  return scale.databaseUrl !== undefined || scale.s3 !== undefined;
}

async function openObjects(dataDir: string, s3: S3ObjectStoreOptions | undefined) {
  if (!s3) {
    return {
      province: new FileObjectStore(join(dataDir, 'blobs')) as ObjectStore,
      uplink: new FileObjectStore(join(dataDir, UPLINK_CACHE_DIR, 'blobs')) as ObjectStore,
      uplinkPrefix: '',
      close: () => {},
    };
  }
  const bucket = new S3ObjectStore(s3);
  await bucket.ensureBucket();
  return {
    province: bucket,
    uplink: bucket,
    uplinkPrefix: `${UPLINK_CACHE_DIR}/`,
    close: () => bucket.destroy(),
  };
}

async function openMetadata(
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<{ db: Kysely<Database>; dialect: StorageDialect }> {
  if (databaseUrl === undefined) {
    const db = openDatabase(join(dataDir, 'registry.db'));
    await migrateDatabase(db);
    return { db, dialect: sqliteDialect };
  }
  const db = openPostgres(databaseUrl);
  try {
    await migratePostgres(db);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return { db, dialect: postgresDialect };
}

export async function openStorage(dataDir: string, scale: ScaleStorageOptions = {}): Promise<Storage> {
  mkdirSync(dataDir, { recursive: true });
  const { db, dialect } = await openMetadata(dataDir, scale.databaseUrl);
  const objects = await openObjects(dataDir, scale.s3);
  const uplinkBlobs = new ObjectBlobStore(objects.uplink, objects.uplinkPrefix);
  const uplinkCache =
    dialect.name === 'sqlite'
      ? new SqlUplinkCacheStore(
          uplinkBlobs,
          () => openSqliteUplinkCache(join(dataDir, UPLINK_CACHE_DIR)),
          (cache) => cache.destroy(),
        )
      : new SqlUplinkCacheStore(
          uplinkBlobs,
          async () => {
            await migrateUplinkCache(db);
            return db as unknown as Kysely<never>;
          },
          async () => {},
        );
  return {
    accounts: new SqlAccountStore(db),
    rateLimits: new SqlRateLimitStore(db),
    packages: new SqlPackageStore(db, dialect),
    blobs: new ObjectBlobStore(objects.province),
    audit: openAuditLog(db as Kysely<unknown>, dialect),
    catalog: new SqlCatalogStore(db, dialect),
    uplinkCache,
    close: async () => {
      await uplinkCache.close();
      await db.destroy();
      objects.close();
    },
  };
}

export type * from './types.js';
