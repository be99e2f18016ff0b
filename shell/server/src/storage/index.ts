/**
 * Opens the shell's storage: the embedded default is `shell.db` (SQLite, WAL) under the data
 * directory; with a PostgreSQL URL (scale mode) every table lives there instead, shared by all
 * instances. Module blobs and banners are files under the data directory, or objects in an S3 bucket.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openAuditLog } from '@cunmen/audit-log';
import { FileModuleBlobs, type ModuleBlobs } from '@cunmen/module-api';
import { S3ObjectStore, type S3ObjectStoreOptions } from '@cunmen/object-store';
import type { Kysely } from 'kysely';
import { SqlJoinRequestStore } from '../households/sql-join-requests.js';
import { SqlHouseholdStore } from '../households/sql-store.js';
import { SqlIdentityStore } from '../identity/sql-store.js';
import { KyselyMandatoryStore } from '../mandatory/kysely-store.js';
import { SqlNotificationStore } from '../notifications/sql-store.js';
import { SqlDraftStore } from '../portals/drafts.js';
import { isPostgresUrl, openPostgres, openSqlite } from './connect.js';
import { migrateShell } from './migrate.js';
import { ObjectModuleBlobs } from './object-blobs.js';
import { SqlDivisionStore } from './sql/division-store.js';
import { SqlHostStorage } from './sql/host-store.js';
import { SqlLeases } from './sql/leases.js';
import { SqlPortalStore } from './sql/portal-store.js';
import { SqlRateLimits } from './sql/rate-limits.js';
import type { Database } from './sql/schema.js';
import { SqlUsageOutbox } from './sql/usage-outbox.js';
import type { Storage } from './types.js';

export interface StorageOptions {
  /** A `postgres://` URL: scale mode. Absent: the embedded SQLite file under the data directory. */
  databaseUrl?: string;
  /** An S3 bucket for module blobs and banners (scale mode). Absent: files under the data directory. */
  s3?: S3ObjectStoreOptions;
}

/** The embedded database file under a data directory. */
export const databaseFile = (dataDir: string): string => join(dataDir, 'shell.db');

export async function openStorage(dataDir: string, options: StorageOptions = {}): Promise<Storage> {
  mkdirSync(dataDir, { recursive: true });
  const { databaseUrl } = options;
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    throw new Error(`the database URL must start with postgres:// (got ${databaseUrl.split(':')[0]}:)`);
  }
  const db = databaseUrl ? openPostgres(databaseUrl) : openSqlite(databaseFile(dataDir));
  try {
    await migrateShell(db as unknown as Kysely<unknown>);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  let blobs: (moduleId: string) => ModuleBlobs = (moduleId) =>
    new FileModuleBlobs(join(dataDir, 'modules', moduleId, 'blobs'));
  if (options.s3) {
    const bucket = new S3ObjectStore(options.s3);
    try {
      await bucket.ensureBucket();
    } catch (err) {
      await db.destroy();
      throw err;
    }
    blobs = (moduleId) => new ObjectModuleBlobs(bucket, moduleId);
  }
  return storageOn(db, blobs, databaseUrl ? 'shared' : 'embedded');
}

function storageOn(
  db: Kysely<Database>,
  blobs: (moduleId: string) => ModuleBlobs,
  kind: Storage['kind'],
): Storage {
  const untyped = db as unknown as Kysely<unknown>;
  return {
    kind,
    rateLimits: new SqlRateLimits(db),
    identity: new SqlIdentityStore(untyped),
    households: new SqlHouseholdStore(untyped),
    joinRequests: new SqlJoinRequestStore(untyped),
    drafts: new SqlDraftStore(untyped),
    mandatory: new KyselyMandatoryStore(untyped),
    audit: openAuditLog(db),
    divisions: new SqlDivisionStore(db),
    portals: new SqlPortalStore(db),
    usage: new SqlUsageOutbox(db),
    host: new SqlHostStorage(db),
    leases: new SqlLeases(db),
    notifications: new SqlNotificationStore(untyped),
    modules: {
      database: db,
      blobs,
    },
    close: () => db.destroy(),
  };
}

export type * from './types.js';
