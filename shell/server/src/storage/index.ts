/** Opens the embedded storage under one data directory: `shell.db` (SQLite, WAL). */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteAuditLog } from '@cunmen/audit-log';
import { FileModuleBlobs } from '@cunmen/module-api';
import type { Kysely } from 'kysely';
import { SqliteHouseholdStore } from '../households/sqlite-store.js';
import { SqliteIdentityStore } from '../identity/sqlite-store.js';
import { KyselyMandatoryStore } from '../mandatory/kysely-store.js';
import { openDatabase } from './sqlite/database.js';
import { SqliteDivisionStore } from './sqlite/division-store.js';
import { SqliteHostStorage } from './sqlite/host-store.js';
import { SqlitePortalStore } from './sqlite/portal-store.js';
import { SqliteUsageOutbox } from './sqlite/usage-outbox.js';
import type { Storage } from './types.js';

export async function openStorage(dataDir: string): Promise<Storage> {
  mkdirSync(dataDir, { recursive: true });
  const db = await openDatabase(join(dataDir, 'shell.db'));
  const identity = new SqliteIdentityStore(db as unknown as Kysely<unknown>);
  await identity.migrate();
  const households = new SqliteHouseholdStore(db as unknown as Kysely<unknown>);
  await households.migrate();
  const mandatory = new KyselyMandatoryStore(db as unknown as Kysely<unknown>);
  await mandatory.migrate();
  return {
    mandatory,
    identity,
    households,
    audit: new SqliteAuditLog(db),
    divisions: new SqliteDivisionStore(db),
    portals: new SqlitePortalStore(db),
    usage: new SqliteUsageOutbox(db),
    host: new SqliteHostStorage(db),
    modules: {
      database: db,
      blobs: (moduleId) => new FileModuleBlobs(join(dataDir, 'modules', moduleId, 'blobs')),
    },
    close: () => db.destroy(),
  };
}

export type * from './types.js';
