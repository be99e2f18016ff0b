/**
 * The registry's storage boundary. Routes and services see only these interfaces; the embedded
 * implementation is SQLite (Kysely over better-sqlite3) plus a file blob store, and a PostgreSQL /
 * S3-compatible pair can implement the same interfaces without touching routes.
 */
import type { Readable } from 'node:stream';
import type { AuditLog } from '@cunmen/audit-log';

/** `usage-reporter`: a shell's token, which may only report what the portals use. */
export type Role = 'province' | 'county' | 'usage-reporter';
export type VersionStatus = 'pending' | 'approved' | 'rejected' | 'unpublished';
/** `library`: a province package without a widget manifest (`@cunmen/sdk`); never loaded by the shell. */
export type PackageKind = 'widget' | 'standard' | 'library';

export interface User {
  id: number;
  name: string;
  role: Role;
  county: string;
  /** The npm scope this user may publish to (`@deqing`), or null when it may publish nowhere. */
  scope: string | null;
  /** scrypt hash for `npm login`; null when the user logs in only with tokens. */
  passwordHash: string | null;
  createdAt: string;
}

export interface NewUser {
  name: string;
  role: Role;
  county: string;
  scope: string | null;
}

/** One file of a version's tarball (path inside the package, without the `package/` prefix). */
export interface FileEntry {
  path: string;
  size: number;
  /** sha384 SRI of the file's bytes, so a reviewer sees a change even when the size stays. */
  integrity: string;
}

/** The result of one automatic check run at publish, shown to the reviewer. */
export interface CheckResult {
  id: string;
  ok: boolean;
  detail: string;
}

/** One unpacked browser asset of a version (a file under `dist/` that the manifest lists). */
export interface AssetRecord {
  path: string;
  blobSha256: string;
  size: number;
  integrity: string;
  contentType: string;
}

export interface VersionRecord {
  id: number;
  name: string;
  version: string;
  kind: PackageKind;
  status: VersionStatus;
  /** The version document as published (package.json fields plus `dist`), without the tarball URL. */
  packageJson: Record<string, unknown>;
  /** The validated built manifest (`dist/cunmen.json`); null for a library. */
  manifest: Record<string, unknown> | null;
  integrity: string;
  shasum: string;
  blobSha256: string;
  tarballSize: number;
  unpackedSize: number;
  files: FileEntry[];
  checks: CheckResult[];
  /** The dist-tag the publisher asked for; applied when the version is approved. */
  requestedTag: string;
  publishedBy: number;
  publishedAt: string;
  reviewedBy: number | null;
  reviewedAt: string | null;
  reviewReason: string | null;
  /** The capabilities the province granted at approval (a subset of those requested). */
  grantedCapabilities: string[] | null;
  /** base64 Ed25519 signature over `signaturePayload` of `@cunmen/manifest`. */
  signature: string | null;
  deprecated: string | null;
  yankedAt: string | null;
  yankReason: string | null;
  unpublishedAt: string | null;
}

/** What a publish stores: the version's own fields (the review fields start empty). */
export type NewVersion = Pick<
  VersionRecord,
  | 'name'
  | 'version'
  | 'kind'
  | 'packageJson'
  | 'manifest'
  | 'integrity'
  | 'shasum'
  | 'blobSha256'
  | 'tarballSize'
  | 'unpackedSize'
  | 'files'
  | 'checks'
  | 'requestedTag'
  | 'publishedBy'
> & {
  /** Assets whose blobs are already stored; their rows are inserted in the version's transaction. */
  assets: AssetRecord[];
  /** A library published by the province is approved at once (there is nothing for the shell to load). */
  autoApprove?: boolean;
};

export interface PackageRecord {
  name: string;
  scope: string;
  standard: boolean;
  /** Goes up with every change readers can see; caches of the packument are keyed on it. */
  revision: number;
  createdAt: string;
}

export interface Approval {
  reviewerId: number | null;
  grantedCapabilities: string[];
  signature: string;
}

/** Who started a web login, as the login page shows it to the person signing in. */
export interface WebLoginClient {
  /** The host name the client sent (`hostname` of the login request), or null when it sent none. */
  host: string | null;
  ip: string;
  agent: string | null;
}

export interface NewWebLogin {
  /** In the login page's URL. */
  id: string;
  /** sha256 of the secret in the URL npm polls; only the starting client knows the secret. */
  doneHash: string;
  /** The short code printed in the terminal and shown on the page. */
  code: string;
  client: WebLoginClient;
}

export interface PendingWebLogin {
  code: string;
  client: WebLoginClient;
}

export type WebLoginState = { state: 'pending' } | { state: 'done'; token: string } | { state: 'missing' };

/** Who may act: users, the hashes of their tokens, their passwords and `npm login` web sessions. */
export interface AccountStore {
  createUser(user: NewUser): Promise<User>;
  findUserByName(name: string): Promise<User | null>;
  findUserById(id: number): Promise<User | null>;
  /** True when a user was given this scope (`user add --scope`), whether it published anything or not. */
  isScopeAssigned(scope: string): Promise<boolean>;
  setPasswordHash(userId: number, hash: string): Promise<void>;
  /** Stores only the hash of a token. */
  addToken(userId: number, tokenHash: string): Promise<void>;
  findUserByTokenHash(tokenHash: string): Promise<User | null>;
  /** Marks a token revoked; false if it is unknown or already revoked. */
  revokeToken(tokenHash: string): Promise<boolean>;

  /** Web login (`npm login --auth-type=web`): a pending session, then its token, handed out once. */
  createWebLogin(login: NewWebLogin): Promise<void>;
  /** The session behind a login page while it waits for a sign-in (null when unknown, used or expired). */
  findWebLogin(id: string): Promise<PendingWebLogin | null>;
  /** Gives a waiting, unexpired session its token; false otherwise. */
  completeWebLogin(id: string, token: string): Promise<boolean>;
  /** By the hash of the polling secret: 'pending', the token (the session is then deleted), or 'missing'. */
  takeWebLogin(doneHash: string): Promise<WebLoginState>;
}

/** What was published: packages, their versions with review state, browser assets and dist-tags. */
export interface PackageStore {
  /** Inserts the version (and its package row) in one transaction; false if (name, version) exists. */
  insertVersion(version: NewVersion): Promise<boolean>;
  getVersion(name: string, version: string): Promise<VersionRecord | null>;
  /** The package's versions with the given status (every status when omitted), oldest first. */
  listVersions(name: string, status?: VersionStatus): Promise<VersionRecord[]>;
  countVersions(name: string): Promise<number>;
  /** Every pending version of every package, oldest first. */
  listPending(): Promise<VersionRecord[]>;
  getPackage(name: string): Promise<PackageRecord | null>;
  setStandard(name: string, standard: boolean): Promise<void>;
  /** The asset at `path` of the approved version whose tarball has this sha256 (null if not approved). */
  getAsset(tarballSha256: string, path: string): Promise<AssetRecord | null>;
  listAssets(versionId: number): Promise<AssetRecord[]>;

  /** Marks a pending version approved, signed, and moves its requested dist-tag to it, in one transaction. */
  approveVersion(name: string, version: string, approval: Approval): Promise<'approved' | 'not-pending'>;
  rejectVersion(
    name: string,
    version: string,
    reviewerId: number | null,
    reason: string,
  ): Promise<'rejected' | 'not-pending'>;
  /** Sets or clears (null) the deprecation message of an approved version. */
  setDeprecated(name: string, version: string, message: string | null): Promise<void>;
  yankVersion(name: string, version: string, reason: string): Promise<void>;
  /** Marks a version unpublished (its row stays, so the number is never reused) and drops its dist-tags. */
  markUnpublished(name: string, version: string): Promise<void>;

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
  /** Every blob stored (backups, migration, tests). */
  list(): AsyncIterable<BlobInfo>;
}

export type { AuditEntry, AuditLog, AuditRecord, AuditVerification } from '@cunmen/audit-log';

/** zh-CN text with an optional English version, as manifests carry titles and descriptions. */
export interface CatalogText {
  'zh-CN': string;
  en?: string;
}

/** How many village portals use a package (or one version), and in how many distinct counties. */
export interface Reuse {
  villages: number;
  counties: number;
}

export interface VersionUsage extends Reuse {
  version: string;
}

/**
 * A package as the catalog offers it: its current version — the `latest` dist-tag when that is approved
 * and not yanked, else the highest approved, non-yanked version. A library has no manifest: its title
 * is its name, category, county and SDK range are null.
 */
export interface CatalogEntry {
  name: string;
  version: string;
  kind: PackageKind;
  standard: boolean;
  title: CatalogText;
  description: CatalogText;
  keywords: string[];
  category: string | null;
  county: string | null;
  /** The SDK range the version's manifest needs; null for a library. */
  sdk: string | null;
  /** Requested in the manifest. */
  capabilities: string[];
  /** Granted at review (null when nothing was recorded, e.g. a library). */
  grantedCapabilities: string[] | null;
  size: { jsGzip: number; totalGzip: number; total: number } | null;
  deprecated: string | null;
  publishedAt: string;
  reviewedAt: string | null;
  /** The user who published the current version. */
  publisher: string | null;
  /** Over every version of the package. */
  reuse: Reuse;
}

export interface CatalogSearch {
  /** Each must occur, case-insensitively, as a substring of the name, title, description, keywords or category. */
  words?: string[];
  category?: string;
  county?: string;
  /** Kinds to include; every kind when omitted. */
  kinds?: PackageKind[];
  /** Only names starting with this, e.g. `@deqing/`. */
  namePrefix?: string;
  /** reuse: most villages first; recent: newest current version first; name: A–Z. Ties go by name. */
  sort?: 'reuse' | 'recent' | 'name';
  /** One page only (`offset` entries skipped, at most `limit` returned), when no filter runs outside SQL. */
  offset?: number;
  limit?: number;
}

/** One approved version (yanked or not) as the catalog's detail shows it. */
export interface CatalogVersion {
  version: string;
  kind: PackageKind;
  packageJson: Record<string, unknown>;
  manifest: Record<string, unknown> | null;
  publishedAt: string;
  reviewedAt: string | null;
  grantedCapabilities: string[] | null;
  deprecated: string | null;
  yankedAt: string | null;
  yankReason: string | null;
  tarballSize: number;
  unpackedSize: number;
  /** The tarball's digest, under which the version's browser assets are served. */
  blobSha256: string;
}

export interface CatalogDetailData {
  name: string;
  standard: boolean;
  /** The version the catalog offers, or null when every approved version is yanked. */
  current: string | null;
  /** Approved versions, yanked ones included, newest (highest semver) first. */
  versions: CatalogVersion[];
  /** Dist-tags that point at approved versions. */
  distTags: Record<string, string>;
  usage: VersionUsage[];
}

export interface WidgetInUse {
  name: string;
  version: string;
}

export type PortalReportResult =
  | { ok: true; reportedAt: string }
  | { ok: false; rejected: { name: string; version: string; status: VersionStatus | 'missing' }[] };

/**
 * The catalog and reuse statistics. Only approved versions count: pending, rejected and unpublished ones
 * are never indexed, and a yanked version is never a package's current version.
 */
export interface CatalogStore {
  /**
   * Rebuilds the package's entry and search text from its current version, or deletes them when it has
   * none (nothing approved, or every approved version yanked). Called after every approval, yank,
   * deprecation, unpublish or standard marking.
   */
  reindex(name: string): Promise<void>;
  /** Rebuilds every package's entry; returns how many packages are in the catalog. */
  reindexAll(): Promise<number>;
  /**
   * The matching entries, sorted: every one, or the page `offset`/`limit` name (SDK compatibility is
   * decided outside SQL, so a caller filtering by it pages itself).
   */
  search(query: CatalogSearch): Promise<CatalogEntry[]>;
  /** How many entries match (`offset` and `limit` ignored). */
  count(query: CatalogSearch): Promise<number>;
  /** Null when the package has no approved version. */
  detail(name: string): Promise<CatalogDetailData | null>;
  /**
   * Replaces the widgets a village's portal uses, in one transaction. Every widget must be an approved
   * version (yanked ones included: a portal keeps what it had); otherwise nothing changes and the
   * offending widgets are returned.
   */
  reportPortal(village: string, widgets: WidgetInUse[]): Promise<PortalReportResult>;
  /** Per version that any village uses: villages and distinct counties, newest version first. */
  usage(name: string): Promise<VersionUsage[]>;
  /** Over every version of the package: villages, and distinct counties. */
  reuse(name: string): Promise<Reuse>;
  isVersionInUse(name: string, version: string): Promise<boolean>;
}

/** The two forms of a packument: everything, or what installers need (`application/vnd.npm.install-v1+json`). */
export type PackumentForm = 'full' | 'abbreviated';

/** A packument of the uplink as this registry keeps it, with what it needs to revalidate it. */
export interface UpstreamPackument {
  name: string;
  form: PackumentForm;
  /** The document as the uplink sent it (abbreviated here when the uplink ignored the Accept header). */
  body: string;
  etag: string | null;
  lastModified: string | null;
  /** When this body arrived. */
  fetchedAt: string;
  /** When the uplink last confirmed it: its arrival or a 304 since. */
  checkedAt: string;
}

/** A tarball fetched from the uplink, verified, and kept in the cache's blob store for good. */
export interface UpstreamTarball {
  name: string;
  version: string;
  blobSha256: string;
  size: number;
  /** The SRI the bytes were verified against (sha512, or sha1 for packages older than integrity). */
  integrity: string;
  /** Where the uplink's packument said the tarball is. */
  sourceUrl: string;
  fetchedAt: string;
}

/**
 * What the uplink proxy keeps of another registry. A cache: nothing in it is the province's own, it can
 * be deleted at any time (it is filled again on demand) and backups leave it out.
 */
export interface UplinkCacheStore {
  getPackument(name: string, form: PackumentForm): Promise<UpstreamPackument | null>;
  /** Inserts or replaces the package's document of that form. */
  putPackument(packument: UpstreamPackument): Promise<void>;
  /** Records that the uplink confirmed (304) the kept document at `checkedAt`. */
  markChecked(name: string, form: PackumentForm, checkedAt: string): Promise<void>;
  /** Forgets both forms (the uplink no longer has the package). */
  deletePackuments(name: string): Promise<void>;
  getTarball(name: string, version: string): Promise<UpstreamTarball | null>;
  putTarball(tarball: UpstreamTarball): Promise<void>;
  /** The cached tarballs' bytes, content-addressed like the registry's own. */
  blobs: BlobStore;
}

/** Attempts per key (a source address and a route) in fixed windows, shared by every instance. */
export interface RateLimitStore {
  /** Counts one attempt; the count in the current window and when that window ends (ms since epoch). */
  hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }>;
}

export interface Storage {
  accounts: AccountStore;
  rateLimits: RateLimitStore;
  packages: PackageStore;
  blobs: BlobStore;
  audit: AuditLog;
  catalog: CatalogStore;
  uplinkCache: UplinkCacheStore;
  /** Closes the database (every store above shares it). */
  close(): Promise<void>;
}
