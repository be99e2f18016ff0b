/**
 * A throwaway PostgreSQL server for scale-mode tests: `initdb` into a temporary directory, `postgres` on a
 * free loopback port, stopped (and its directory removed) when the test is done. Nothing is shared with a
 * system cluster, so tests run in parallel and leave nothing behind. `npm test` installs Debian's
 * `postgresql` package when it is missing (scripts/lib/bootstrap.mjs `ensurePostgres`) and passes its
 * binaries' folder as PG_BIN.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, readdirSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { freePort } from './ports.js';
import { type StartedProcess, startProcess } from './processes.js';
import { makeTempDir } from './temp.js';

export interface StartedPostgres {
  readonly port: number;
  /** `postgres://postgres@127.0.0.1:<port>/<database>` (trust authentication on loopback). */
  url(database?: string): string;
  /** Creates an empty database (UTF-8, C.UTF-8 collation) and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Fast shutdown (SIGINT: running transactions are aborted), then the data directory is removed. */
  stop(): Promise<void>;
  /**
   * Fast shutdown (a clean checkpoint), then the data directory is moved to `target` (which must not
   * exist) instead of removed: a template another server starts `from`.
   */
  keep(target: string): Promise<void>;
  /** Immediate shutdown, as if the machine lost power: for crash tests. */
  readonly process: StartedProcess;
}

/** The folder holding `initdb` and `postgres`: PG_BIN, else the newest Debian version, else pg_config. */
export function postgresBinDir(): string {
  const fromEnv = process.env.PG_BIN;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => /^\d+$/.test(v) && existsSync(`${debian}/${v}/bin/initdb`))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return `${debian}/${versions[0]}/bin`;
  }
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (r.status === 0 && existsSync(`${r.stdout.trim()}/initdb`)) return r.stdout.trim();
  throw new Error(
    'PostgreSQL not found: install Debian\'s "postgresql" package (npm test does this), or set PG_BIN to the folder with initdb and postgres',
  );
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export async function startPostgres(
  options: {
    settings?: Record<string, string>;
    /** A data directory kept by `keep` of a stopped server: started on a copy of it, no initdb. */
    from?: string;
  } = {},
): Promise<StartedPostgres> {
  const bin = postgresBinDir();
  const dir = await makeTempDir('cunmen-pg-');
  const data = `${dir.path}/data`;
  // PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user Debian creates —
  // spawned with that uid directly (not through runuser), so the server is the child this process kills.
  const ids = process.getuid?.() === 0 ? postgresIds() : undefined;
  if (ids) chownSync(dir.path, ids.uid, ids.gid);
  if (options.from !== undefined) {
    // cp -a keeps the owner (postgres, when root made it) and the 0700 mode PostgreSQL insists on.
    const copy = spawnSync('cp', ['-a', options.from, data], { encoding: 'utf8' });
    if (copy.status !== 0) {
      await dir.remove();
      throw new Error(`copying ${options.from} failed: ${copy.stderr}`);
    }
  } else {
    const init = spawnSync(
      `${bin}/initdb`,
      ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
      { encoding: 'utf8', ...ids, env: { ...process.env, HOME: dir.path } },
    );
    if (init.status !== 0) {
      await dir.remove();
      throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout}`);
    }
  }
  const port = await freePort();
  // Durability off: a test database is thrown away, and fsync on every commit would dominate test time.
  const settings: Record<string, string> = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: dir.path,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '200',
    ...options.settings,
  };
  const serverArgs = [
    '-D',
    data,
    '-p',
    String(port),
    ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
  ];
  const started = await startProcess({
    command: `${bin}/postgres`,
    args: serverArgs,
    ...ids,
    env: { HOME: dir.path },
    readyPattern: /database system is ready to accept connections/,
    timeoutMs: 60_000,
  });
  const url = (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    process: started,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const psql = `${bin}/psql`;
      const r = spawnSync(
        psql,
        [
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          'postgres',
          '-v',
          'ON_ERROR_STOP=1',
          '-c',
          `CREATE DATABASE ${name}`,
        ],
        { encoding: 'utf8' },
      );
      if (r.status !== 0) throw new Error(`CREATE DATABASE ${name} failed: ${r.stderr}`);
      return url(name);
    },
    async stop() {
      await started.stop('SIGINT', 10_000);
      await dir.remove();
    },
    async keep(target) {
      await started.stop('SIGINT', 30_000);
      const code = started.child.exitCode;
      if (code !== 0)
        throw new Error(`postgres did not shut down cleanly (exit ${code ?? started.child.signalCode})`);
      await rename(data, target);
      await dir.remove();
    },
  };
}
