/** Opens the embedded storage under one data directory: `registry.db` (SQLite, WAL) and `blobs/`. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FileBlobStore } from './blobs/file-store.js';
import { SqliteAuditLog } from './sqlite/audit-store.js';
import { SqliteCatalogStore } from './sqlite/catalog-store.js';
import { SqliteMetadataStore } from './sqlite/metadata-store.js';
import type { Storage } from './types.js';

export async function openStorage(dataDir: string): Promise<Storage> {
  mkdirSync(dataDir, { recursive: true });
  const meta = new SqliteMetadataStore(join(dataDir, 'registry.db'));
  await meta.migrate();
  return {
    meta,
    blobs: new FileBlobStore(join(dataDir, 'blobs')),
    audit: new SqliteAuditLog(meta.db),
    catalog: new SqliteCatalogStore(meta.db),
  };
}

export type * from './types.js';
