/** Kysely table types for the SQLite metadata store (timestamps are ISO strings, JSON is text). */
import type { Generated } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  name: string;
  role: 'province' | 'county';
  county: string;
  scope: string | null;
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
  status: 'pending' | 'approved';
  package_json: string;
  manifest: string;
  integrity: string;
  shasum: string;
  blob_sha256: string;
  tarball_size: number;
  requested_tag: string;
  published_by: number;
  published_at: string;
  reviewed_by: number | null;
  reviewed_at: string | null;
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
}
