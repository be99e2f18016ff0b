/** How an operator command reaches the data directory: opened, used for one thing, closed. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CommandRefusal } from '@cunmen/command-line';
import { openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';

/** Opens (or creates) the data directory, runs `fn`, and closes it again, whatever happens. */
export async function withStorage<T>(dataDir: string, fn: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = await openStorage(dataDir);
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
  if (!existsSync(join(dataDir, 'registry.db'))) {
    throw new CommandRefusal(`${dataDir} is not a registry data directory (no registry.db)`);
  }
  return withStorage(dataDir, fn);
}
