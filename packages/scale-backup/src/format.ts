/** The scale backup's file: a `.tar.gz` of `backup.json`, `database.dump`, `objects/<key>` and `files/<name>`. */
import { z } from 'zod';

export const SCALE_BACKUP_FORMAT = 'cunmen-scale-backup';
export const SCALE_BACKUP_VERSION = 1;
export const MANIFEST_FILE = 'backup.json';
export const DUMP_FILE = 'database.dump';
export const OBJECTS_DIR = 'objects';
export const FILES_DIR = 'files';

/** A refusal an operator can act on (exit 1 with this one line), never a stack trace. */
export class ScaleBackupError extends Error {
  override readonly name = 'ScaleBackupError';
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A file name of `files/`: one segment, so it can never climb out of the directory. */
const fileName = z.string().regex(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);

/** What each table held in the dump's snapshot: restored tables must match it exactly. */
export const tableFingerprintSchema = z.object({
  name: z.string().min(1),
  rows: z.number().int().nonnegative(),
  /** md5 over the rows' text, sorted: the same rows give the same hash on any server. */
  hash: z.string().regex(/^[0-9a-f]{32}$/),
});
export type TableFingerprint = z.infer<typeof tableFingerprintSchema>;

export const scaleBackupManifestSchema = z.object({
  format: z.literal(SCALE_BACKUP_FORMAT),
  version: z.literal(SCALE_BACKUP_VERSION),
  /** `registry` or `shell`: a backup is restored into the service it came from. */
  service: z.string().min(1),
  createdAt: z.string(),
  database: z.object({
    sha256,
    bytes: z.number().int().nonnegative(),
    serverVersion: z.string(),
    tables: z.array(tableFingerprintSchema),
  }),
  objects: z.array(
    z.object({
      key: z.string().min(1),
      sha256,
      bytes: z.number().int().nonnegative(),
      contentType: z.string().optional(),
    }),
  ),
  files: z.array(z.object({ name: fileName, sha256, bytes: z.number().int().nonnegative() })),
});
export type ScaleBackupManifest = z.infer<typeof scaleBackupManifestSchema>;

export interface ScaleBackupSummary {
  file: string;
  service: string;
  tables: number;
  rows: number;
  objects: number;
  /** Bytes of the database dump plus every object and file (before compression). */
  bytes: number;
}
