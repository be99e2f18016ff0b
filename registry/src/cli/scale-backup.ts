/**
 * `backup`/`restore` in scale mode: the registry's PostgreSQL database and bucket in one verified file
 * (@cunmen/scale-backup), with the province signing key, so a restored registry signs with the key
 * every shell pins.
 */
import { CommandRefusal } from '@cunmen/command-line';
import { S3ObjectStore } from '@cunmen/object-store';
import {
  createScaleBackup,
  restoreScaleBackup,
  ScaleBackupError,
  type ScaleBackupSummary,
} from '@cunmen/scale-backup';
import { privateKeyPath } from '../services/keys.js';
import { scaleSetting } from './scale-options.js';

const KEY_NAME = 'province-ed25519.key';

function scaleTargets(dataDir: string) {
  const setting = scaleSetting({}, process.env);
  const { databaseUrl, s3 } = setting.storage;
  if (databaseUrl === undefined || s3 === undefined) {
    throw new CommandRefusal(
      'a scale-mode backup needs both the database and the bucket: set $REGISTRY_DATABASE_URL (or ' +
        '$DATABASE_URL) and $CUNMEN_S3_ENDPOINT as the servers have them',
    );
  }
  return { databaseUrl, s3, keyFile: privateKeyPath(dataDir, setting.signingKeyFile) };
}

async function refusing<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof ScaleBackupError) throw new CommandRefusal(err.message);
    throw err;
  }
}

export function describeSummary(s: ScaleBackupSummary): string {
  return `${s.tables} tables (${s.rows} rows) and ${s.objects} objects (${s.bytes} bytes)`;
}

export async function scaleBackup(dataDir: string, file: string): Promise<ScaleBackupSummary> {
  const { databaseUrl, s3, keyFile } = scaleTargets(dataDir);
  const objects = new S3ObjectStore(s3);
  try {
    return await refusing(() =>
      createScaleBackup(
        { service: 'registry', databaseUrl, objects, files: [{ name: KEY_NAME, path: keyFile }] },
        file,
      ),
    );
  } finally {
    objects.destroy();
  }
}

export async function scaleRestore(dataDir: string, file: string): Promise<ScaleBackupSummary> {
  const { databaseUrl, s3, keyFile } = scaleTargets(dataDir);
  const objects = new S3ObjectStore(s3);
  try {
    await objects.ensureBucket();
    return await refusing(() =>
      restoreScaleBackup(file, { service: 'registry', databaseUrl, objects, files: { [KEY_NAME]: keyFile } }),
    );
  } finally {
    objects.destroy();
  }
}
