/** Kysely table types of the uplink cache database (`uplink-cache/cache.db`); timestamps are ISO strings. */

export interface UplinkPackumentsTable {
  name: string;
  form: 'full' | 'abbreviated';
  /** JSON text */
  body: string;
  etag: string | null;
  last_modified: string | null;
  fetched_at: string;
  checked_at: string;
}

export interface UplinkTarballsTable {
  name: string;
  version: string;
  blob_sha256: string;
  size: number;
  integrity: string;
  source_url: string;
  fetched_at: string;
}

export interface UplinkCacheDatabase {
  uplink_packuments: UplinkPackumentsTable;
  uplink_tarballs: UplinkTarballsTable;
}
