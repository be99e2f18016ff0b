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
import { scaleSetting } from '../src/cli/scale-options.js';
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
export async function scaleOptions(): Promise<{
  databaseUrl: string;
  s3: { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string };
}> {
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

/**
 * The back end the route and e2e suites run on: `postgres` in the vitest project `postgres`
 * (`REGISTRY_TEST_BACKEND=postgres`), the embedded one otherwise.
 */
export function suiteBackend(): BackendName {
  return process.env.REGISTRY_TEST_BACKEND === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * The scale options of the registry a test builds: in the `postgres` project the database and bucket
 * in the environment (`freshBackend`) — the same ones the operator commands and `cunmen-registry`
 * processes of the test read from it.
 */
export function storageOptionsFor(_dataDir: string): Promise<ScaleStorageOptions> {
  return Promise.resolve(suiteBackend() === 'postgres' ? scaleSetting({}, process.env).storage : {});
}

/**
 * In the `postgres` project: a fresh database and bucket for the registry a test is about to build, put
 * in the environment as an operator of scale mode would (so the operator commands and processes the
 * test runs act on that registry). Nothing in the embedded project.
 */
export async function freshBackend(): Promise<void> {
  if (suiteBackend() === 'postgres') await useFreshScaleEnvironment();
}

/** Puts a fresh database and bucket in the environment. */
export async function useFreshScaleEnvironment(): Promise<void> {
  const { databaseUrl, s3 } = await scaleOptions();
  Object.assign(process.env, {
    REGISTRY_DATABASE_URL: databaseUrl,
    CUNMEN_S3_ENDPOINT: s3.endpoint,
    CUNMEN_S3_BUCKET: s3.bucket,
    CUNMEN_S3_ACCESS_KEY_ID: s3.accessKeyId,
    CUNMEN_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  });
}

/** For `describe.each`: both back ends by name. */
export const BACKENDS: [BackendName][] = [['sqlite'], ['postgres']];
