/**
 * The two storage back ends for contract tests: the embedded one (SQLite + files in a temp directory)
 * and scale mode (PostgreSQL + S3). One PostgreSQL server and one S3 server per test file, started on
 * first use and stopped after the file; every storage gets a fresh database and bucket of its own.
 */
import {
  makeTempDir,
  type StartedPostgres,
  type StartedS3,
  startPostgres,
  startS3,
} from '@cunmen/test-utils';
import { afterAll } from 'vitest';
import { openStorage, type ScaleStorageOptions } from '../src/storage/index.js';
import type { Storage } from '../src/storage/types.js';

let servers: Promise<{ pg: StartedPostgres; s3: StartedS3 }> | null = null;
let seq = 0;

afterAll(async () => {
  const running = servers;
  servers = null;
  if (running) {
    const { pg, s3 } = await running;
    await Promise.all([pg.stop(), s3.stop()]);
  }
});

/** A fresh database and bucket on this file's servers. */
export async function scaleOptions(): Promise<Required<ScaleStorageOptions>> {
  servers ??= Promise.all([startPostgres(), startS3()]).then(([pg, s3]) => ({ pg, s3 }));
  const { pg, s3 } = await servers;
  seq += 1;
  return {
    databaseUrl: await pg.createDatabase(`registry_${process.pid}_${seq}`),
    s3: {
      endpoint: s3.endpoint,
      bucket: `registry-${process.pid}-${seq}`,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
    },
  };
}

export type BackendName = 'sqlite' | 'postgres';

/** Opens a storage on the back end; `dataDir` is fresh unless given (the signing key and uplink dirs). */
export async function openTestStorage(backend: BackendName, dataDir?: string): Promise<Storage> {
  const dir = dataDir ?? (await makeTempDir('cunmen-store-')).path;
  return openStorage(dir, backend === 'postgres' ? await scaleOptions() : {});
}

/** For `describe.each`: both back ends by name. */
export const BACKENDS: [BackendName][] = [['sqlite'], ['postgres']];
