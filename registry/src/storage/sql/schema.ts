/**
 * Kysely table types of the metadata store, the same on SQLite and PostgreSQL (timestamps are ISO
 * strings, JSON is text).
 */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: 'province' | 'county' | 'usage-reporter';
  county: string;
  scope: string | null;
  password_hash: string | null;
  created_at: string;
}

export interface TokensTable {
  token_hash: string;
  user_id: number;
  created_at: string;
  revoked_at: string | null;
}

export interface PackagesTable {
  name: string;
  scope: string;
  standard: Generated<number>;
  revision: Generated<number>;
  created_at: string;
}

export interface BlobsTable {
  sha256: string;
  size: number;
  created_at: string;
}

export interface VersionsTable {
  id: Generated<number>;
  package_name: string;
  version: string;
  kind: 'widget' | 'standard' | 'library';
  status: 'pending' | 'approved' | 'rejected' | 'unpublished';
  package_json: string;
  manifest: string | null;
  integrity: string;
  shasum: string;
  blob_sha256: string;
  tarball_size: number;
  unpacked_size: number;
  files: string;
  checks: string;
  requested_tag: string;
  published_by: number;
  published_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
  review_reason: string | null;
  granted_capabilities: string | null;
  signature: string | null;
  deprecated: string | null;
  yanked_at: string | null;
  yank_reason: string | null;
  unpublished_at: string | null;
}

export interface AssetsTable {
  version_id: number;
  path: string;
  blob_sha256: string;
  size: number;
  integrity: string;
  content_type: string;
}

export interface WebLoginsTable {
  id: string;
  done_hash: string;
  code: string;
  client_host: string | null;
  client_ip: string;
  client_agent: string | null;
  created_at: string;
  token: string | null;
}

export interface DistTagsTable {
  package_name: string;
  tag: string;
  version: string;
}

export interface Database {
  users: UsersTable;
  tokens: TokensTable;
  packages: PackagesTable;
  blobs: BlobsTable;
  versions: VersionsTable;
  dist_tags: DistTagsTable;
  assets: AssetsTable;
  web_logins: WebLoginsTable;
  audit_log: AuditLogTable;
  catalog_entries: CatalogEntriesTable;
  catalog_fts: CatalogFtsTable;
  portal_usage: PortalUsageTable;
  rate_limits: RateLimitsTable;
}

export interface RateLimitsTable {
  key: string;
  count: number;
  /** ms since the epoch */
  window_start: number;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  ip: string;
  prev_hash: string;
  hash: string;
}

/** One row per package with an installable version: its current approved, non-yanked version. */
export interface CatalogEntriesTable {
  package_name: string;
  version: string;
  kind: 'widget' | 'standard' | 'library';
  category: string | null;
  county: string | null;
  sdk: string | null;
  /** JSON `{ 'zh-CN', en? }` */
  title: string;
  /** JSON `{ 'zh-CN', en? }` */
  description: string;
  /** JSON string array */
  keywords: string;
  /** JSON string array: the capabilities requested */
  capabilities: string;
  granted_capabilities: string | null;
  /** JSON `{ jsGzip, totalGzip, total }` of the manifest; null for a library */
  size: string | null;
  deprecated: string | null;
  published_at: string;
  reviewed_at: string | null;
  indexed_at: string;
}

/** FTS5 (trigram) over the searchable text of each catalog entry. */
export interface CatalogFtsTable {
  package_name: string;
  name: string;
  title: string;
  description: string;
  keywords: string;
  category: string;
}

export interface PortalUsageTable {
  /** 12-digit village code */
  village: string;
  /** its first 6 digits */
  county: string;
  package_name: string;
  version: string;
  reported_at: string;
}
