/**
 * The registry's storage boundary. Routes and services see only these interfaces; the embedded
 * implementation is SQLite (Kysely over better-sqlite3) plus a file blob store, and a PostgreSQL /
 * S3-compatible pair can implement the same interfaces without touching routes.
 */
import type { Readable } from 'node:stream';

export type Role = 'province' | 'county';
export type VersionStatus = 'pending' | 'approved';

export interface User {
  id: number;
  name: string;
  role: Role;
  county: string;
  /** The npm scope this user may publish to (`@deqing`), or null when it may publish nowhere. */
  scope: string | null;
  createdAt: string;
}

export interface NewUser {
  name: string;
  role: Role;
  county: string;
  scope: string | null;
}

export interface VersionRecord {
  name: string;
  version: string;
  status: VersionStatus;
  /** The version document as published (package.json fields plus `dist`), without the tarball URL. */
  packageJson: Record<string, unknown>;
  /** The validated built manifest (`dist/cunmen.json`). */
  manifest: Record<string, unknown>;
  integrity: string;
  shasum: string;
  blobSha256: string;
  tarballSize: number;
  /** The dist-tag the publisher asked for; applied when the version is approved. */
  requestedTag: string;
  publishedBy: number;
  publishedAt: string;
  reviewedBy: number | null;
  reviewedAt: string | null;
}

export type NewVersion = Omit<VersionRecord, 'status' | 'publishedAt' | 'reviewedBy' | 'reviewedAt'>;

export interface MetadataStore {
  /** Applies pending migrations; safe to call from several processes on one data directory. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  createUser(user: NewUser): Promise<User>;
  findUserByName(name: string): Promise<User | null>;
  findUserById(id: number): Promise<User | null>;
  /** Stores only the hash of a token. */
  addToken(userId: number, tokenHash: string): Promise<void>;
  findUserByTokenHash(tokenHash: string): Promise<User | null>;
  /** Marks a token revoked; false if it is unknown or already revoked. */
  revokeToken(tokenHash: string): Promise<boolean>;

  /** Inserts the version (and its package row) in one transaction; false if (name, version) exists. */
  insertVersion(version: NewVersion): Promise<boolean>;
  getVersion(name: string, version: string): Promise<VersionRecord | null>;
  /** The package's versions with the given status, oldest first. */
  listVersions(name: string, status: VersionStatus): Promise<VersionRecord[]>;
  countVersions(name: string): Promise<number>;
  /** Every pending version of every package, oldest first. */
  listPending(): Promise<VersionRecord[]>;
  /** Marks a pending version approved and moves its requested dist-tag to it, in one transaction. */
  approveVersion(
    name: string,
    version: string,
    reviewerId: number | null,
  ): Promise<'approved' | 'already' | 'missing'>;
  getDistTags(name: string): Promise<Record<string, string>>;
  setDistTag(name: string, tag: string, version: string): Promise<void>;
  /** False if the package has no such tag. */
  removeDistTag(name: string, tag: string): Promise<boolean>;
}

export interface BlobInfo {
  sha256: string;
  size: number;
}

export interface BlobStore {
  /** Writes the bytes content-addressed and durably; returns once they can be read back. */
  put(bytes: Uint8Array): Promise<BlobInfo>;
  /** A stream of the blob, or null if there is none. */
  get(sha256: string): Promise<Readable | null>;
  has(sha256: string): Promise<boolean>;
}

export interface Storage {
  meta: MetadataStore;
  blobs: BlobStore;
}
