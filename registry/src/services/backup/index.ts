/**
 * Backup and restore of the embedded store (`cunmen-registry backup|restore`): one `.tar.gz` of the
 * database snapshot, every blob and the signing key, checked in full before a restore changes anything.
 */
export { createBackup } from './create.js';
export {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupManifest,
  type BackupResult,
  DB_FILE,
  MANIFEST_FILE,
  type RestoreResult,
} from './format.js';
export { type RestoreOptions, restoreBackup } from './restore.js';
