/**
 * How an operator command reaches the registry: opened, used for one thing, closed. In scale mode
 * (`$REGISTRY_DATABASE_URL`/`$DATABASE_URL`, `$CUNMEN_S3_*`) it opens the database and bucket the
 * servers use, as they do.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CommandRefusal } from '@cunmen/command-line';
import { loadOrCreateKeys, type ProvinceKeys } from '../services/keys.js';
import { isScaleMode, openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';
import { scaleSetting } from './scale-options.js';

/** Opens (or creates) the data directory, runs `fn`, and closes it again, whatever happens. */
export async function withStorage<T>(dataDir: string, fn: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage(dataDir, scaleSetting({}, process.env).storage);
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}

/** The same for a directory that must already hold a registry (an empty new log would "verify"). */
export async function withExistingStorage<T>(
  dataDir: string,
  fn: (storage: Storage) => Promise<T>,
): Promise<T> {
  const scale = scaleSetting({}, process.env).storage.databaseUrl !== undefined;
  if (!scale && !existsSync(join(dataDir, 'registry.db'))) {
    throw new CommandRefusal(`${dataDir} is not a registry data directory (no registry.db)`);
  }
  return withStorage(dataDir, fn);
}

/** The province key the servers sign with (`$REGISTRY_SIGNING_KEY_FILE`, else `<data>/keys/`). */
export function operatorKeys(dataDir: string): ProvinceKeys {
  return loadOrCreateKeys(dataDir, scaleSetting({}, process.env).signingKeyFile);
}

/** True when the environment puts the registry in PostgreSQL or a bucket. */
export function operatorInScaleMode(): boolean {
  return isScaleMode(scaleSetting({}, process.env).storage);
}
