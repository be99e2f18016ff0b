/**
 * The store contract tests' back ends: each suite runs once on the embedded SQLite file and once on a
 * fresh PostgreSQL database (one server per test file, test/postgres.ts), so a store cannot pass on
 * one engine only.
 */
import { makeTempDir } from '@cunmen/test-utils';
import { openStorage } from '../src/storage/index.js';
import type { Storage } from '../src/storage/types.js';
import { freshDatabase } from './postgres.js';

export const BACKENDS = ['sqlite', 'postgres'] as const;
export type Backend = (typeof BACKENDS)[number];

export interface OpenedBackend {
  storage: Storage;
  /** The same database opened again, as a second instance (or the CLI beside the server) has it. */
  again(): Promise<Storage>;
  close(): Promise<void>;
}

export async function openBackend(backend: Backend): Promise<OpenedBackend> {
  const dir = await makeTempDir('cunmen-shell-store-');
  const databaseUrl = backend === 'postgres' ? await freshDatabase() : undefined;
  const storage = await openStorage(dir.path, { databaseUrl });
  return {
    storage,
    again: () => openStorage(dir.path, { databaseUrl }),
    close: async () => {
      await storage.close();
      await dir.remove();
    },
  };
}
