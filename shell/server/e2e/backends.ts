/**
 * The back end a full-platform browser suite runs on. The `postgres` vitest project
 * (`CUNMEN_TEST_DATABASE=postgres`) runs the same suites in scale mode: the registry and the shell on
 * their own databases of one throwaway PostgreSQL server, their blobs in one throwaway S3-protocol
 * server — set in this test process's environment, which every CLI and server the suite starts
 * inherits, exactly as `npm run start:scale` does it. One server of each per test file, started on a
 * copy of the platform template's (platform-template.ts) when `from` names one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type StartedPostgres, type StartedS3, startPostgres, startS3 } from '@cunmen/test-utils';

export interface PlatformBackend {
  readonly name: 'sqlite' | 'postgres';
  /**
   * Throws unless the started platform stores where this back end says: in scale mode no SQLite file
   * may appear in either data directory (a process that missed the environment would quietly run embedded).
   */
  check(dirs: DataDirs): void;
  stop(): Promise<void>;
  /** Stops, keeping the databases and objects in `dir` (pg/, s3/) for a later `platformBackend({ from })`. */
  keep(dir: string): Promise<void>;
}

/** The data directories of the processes a suite started (an in-process registry has none). */
export interface DataDirs {
  registryData?: string;
  shellData?: string;
}

function checkFiles(dirs: DataDirs, scale: boolean): void {
  const files = [
    dirs.registryData && join(dirs.registryData, 'registry.db'),
    dirs.shellData && join(dirs.shellData, 'shell.db'),
  ];
  for (const file of files.filter((f): f is string => Boolean(f))) {
    if (existsSync(file) === scale) {
      throw new Error(`${scale ? 'scale' : 'embedded'} mode, yet ${file} ${scale ? 'exists' : 'is missing'}`);
    }
  }
}

const SCALE_VARIABLES = [
  'REGISTRY_DATABASE_URL',
  'SHELL_DATABASE_URL',
  'CUNMEN_S3_ENDPOINT',
  'CUNMEN_S3_REGION',
  'CUNMEN_S3_ACCESS_KEY_ID',
  'CUNMEN_S3_SECRET_ACCESS_KEY',
] as const;

export async function platformBackend(options: { from?: string } = {}): Promise<PlatformBackend> {
  // Whatever the developer's shell exports must not leak into an embedded-mode run, nor the other way.
  for (const name of [...SCALE_VARIABLES, 'DATABASE_URL', 'CUNMEN_S3_BUCKET']) delete process.env[name];
  if (process.env.CUNMEN_TEST_DATABASE !== 'postgres') {
    const nothing = async () => {};
    return { name: 'sqlite', check: (dirs) => checkFiles(dirs, false), stop: nothing, keep: nothing };
  }
  const from = options.from;
  const [pgStart, s3Start] = await Promise.allSettled([
    startPostgres(from ? { from: join(from, 'pg') } : {}),
    startS3(from ? { from: join(from, 's3') } : {}),
  ]);
  if (pgStart.status === 'rejected' || s3Start.status === 'rejected') {
    for (const r of [pgStart, s3Start]) if (r.status === 'fulfilled') await r.value.stop();
    throw pgStart.status === 'rejected' ? pgStart.reason : (s3Start as PromiseRejectedResult).reason;
  }
  const pg: StartedPostgres = pgStart.value;
  const s3: StartedS3 = s3Start.value;
  const database = (name: string) => (from ? Promise.resolve(pg.url(name)) : pg.createDatabase(name));
  Object.assign(process.env, {
    REGISTRY_DATABASE_URL: await database('cunmen_registry'),
    SHELL_DATABASE_URL: await database('cunmen_shell'),
    CUNMEN_S3_ENDPOINT: s3.endpoint,
    CUNMEN_S3_REGION: 'us-east-1',
    CUNMEN_S3_ACCESS_KEY_ID: s3.accessKeyId,
    CUNMEN_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
  });
  return {
    name: 'postgres',
    check: (dirs) => checkFiles(dirs, true),
    async stop() {
      for (const name of SCALE_VARIABLES) delete process.env[name];
      await Promise.allSettled([pg.stop(), s3.stop()]);
    },
    async keep(dir) {
      for (const name of SCALE_VARIABLES) delete process.env[name];
      await Promise.all([pg.keep(join(dir, 'pg')), s3.keep(join(dir, 's3'))]);
    },
  };
}
