/**
 * The backup format: one `.tar.gz` holding `backup.json` (this manifest), `registry.db` (a consistent
 * SQLite snapshot), every blob under `blobs/sha256/<ab>/<sha256>` and the signing key under `keys/`.
 */
import { z } from 'zod';
import { UPLINK_CACHE_DIR } from '../../storage/index.js';
import type { AuditVerification } from '../../storage/types.js';

export const BACKUP_FORMAT = 'cunmen-registry-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'backup.json';
export const DB_FILE = 'registry.db';

/** A refused backup or restore: the message says what and why, and nothing was changed. */
export class BackupError extends Error {}

export const SHA256 = /^[0-9a-f]{64}$/;
/** A file of the signing key directory (`keys/province-ed25519.key`, `.pub`). */
export const KEY_PATH = /^keys\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const sha256Schema = z.string().regex(SHA256);
const countSchema = z.number().int().nonnegative();

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  database: z.object({ path: z.literal(DB_FILE), sha256: sha256Schema, size: countSchema }),
  migrations: z.array(z.string()),
  counts: z.object({
    users: countSchema,
    packages: countSchema,
    versions: countSchema,
    blobs: countSchema,
    auditEntries: countSchema,
  }),
  audit: z.object({ ok: z.boolean(), count: countSchema, head: sha256Schema }),
  blobs: z.array(z.object({ sha256: sha256Schema, size: countSchema })),
  keys: z.array(z.object({ path: z.string().regex(KEY_PATH), sha256: sha256Schema, size: countSchema })),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  /** Entries of the data directory a backup does not know, and so did not include. */
  skipped: string[];
}

/**
 * What a data directory holds; a backup takes the database, the blobs and the keys. `uplink-cache` is
 * known and left out on purpose: copies of public packages that the uplink proxy fetches again on demand.
 */
export const KNOWN_ENTRIES = new Set([
  DB_FILE,
  `${DB_FILE}-wal`,
  `${DB_FILE}-shm`,
  `${DB_FILE}-journal`,
  'blobs',
  'keys',
  UPLINK_CACHE_DIR,
  // Signed checkpoints of the audit log's head vouch for the database from outside it: they are kept
  // off the machine by the operator (docs), not in the same file as the data they vouch for.
  'audit-checkpoints',
]);

export interface RestoreResult {
  dataDir: string;
  manifest: BackupManifest;
  audit: AuditVerification;
  /** With `force`, where the data directory that was replaced now is. */
  replacedDir: string | null;
}

/** The only entries a backup may hold; anything else (a link, a path outside) is refused. */
export const ALLOWED_ENTRY =
  /^(?:backup\.json|registry\.db|keys\/?|keys\/[A-Za-z0-9_-][A-Za-z0-9._-]*|blobs\/?|blobs\/sha256\/?|blobs\/sha256\/[0-9a-f]{2}\/?|blobs\/sha256\/([0-9a-f]{2})\/\1[0-9a-f]{62})$/;
