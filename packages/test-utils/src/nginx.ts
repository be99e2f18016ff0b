/**
 * Debian's nginx for tests: a non-daemon child with its own prefix (pid, logs, temp files, cache) in a
 * temporary folder, listening on free loopback ports, stopped and removed when the test is done. No
 * system nginx service is used. `npm test` installs Debian's `nginx` package when it is missing
 * (scripts/lib/bootstrap.mjs `ensureNginx`) and passes the binary as NGINX_BIN.
 */
import { execFileSync } from 'node:child_process';
import {
  chownSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { freePort } from './ports.js';
import { type StartedProcess, startProcess } from './processes.js';
import { makeTempDir } from './temp.js';

export interface NginxPlace {
  /** The temporary prefix: nginx.conf, nginx.pid, logs/, temp/ and cache/ live here. */
  prefix: string;
  /** Free loopback ports, as many as `ports` asked for. */
  ports: number[];
}

export interface StartNginxOptions {
  /** The whole nginx.conf, written for the place it is given. */
  config: (place: NginxPlace) => string;
  /** How many free ports the configuration listens on; default 1. nginx is ready when the first answers. */
  ports?: number;
}

export interface StartedNginx extends NginxPlace {
  /** `http://127.0.0.1:<port>` of the n-th port (default the first). */
  url(n?: number): string;
  /** What nginx wrote to logs/error.log so far (for failure messages). */
  errorLog(): string;
  stop(): Promise<void>;
  readonly process: StartedProcess;
}

/** NGINX_BIN, else Debian's /usr/sbin/nginx. */
export function nginxBin(): string {
  const bin = process.env.NGINX_BIN || '/usr/sbin/nginx';
  if (!existsSync(bin)) {
    throw new Error(
      `nginx not found at ${bin}: install Debian's "nginx" package (npm test does this), or set NGINX_BIN`,
    );
  }
  return bin;
}

/** As root, nginx's workers drop to `nobody`: they must be able to write the temp files and the cache. */
function handToWorkers(dir: string): void {
  if (process.getuid?.() !== 0) return;
  const uid = Number(execFileSync('id', ['-u', 'nobody'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'nobody'], { encoding: 'utf8' }).trim());
  const walk = (path: string) => {
    chownSync(path, uid, gid);
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dir);
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startNginx(options: StartNginxOptions): Promise<StartedNginx> {
  const bin = nginxBin();
  const dir = await makeTempDir('cunmen-nginx-');
  const prefix = dir.path;
  for (const sub of ['logs', 'temp', 'cache']) mkdirSync(join(prefix, sub), { recursive: true });
  const ports = await Promise.all(Array.from({ length: options.ports ?? 1 }, () => freePort()));
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, options.config({ prefix, ports }));
  handToWorkers(prefix);
  const errorLogFile = join(prefix, 'logs', 'error.log');
  const errorLog = () => (existsSync(errorLogFile) ? readFileSync(errorLogFile, 'utf8') : '');
  const args = ['-p', prefix, '-c', conf, '-e', errorLogFile, '-g', 'daemon off;'];
  // A configuration error is reported at once, with nginx's own message.
  try {
    execFileSync(bin, [...args, '-t', '-q'], { encoding: 'utf8', stdio: 'pipe' });
  } catch (err) {
    await dir.remove();
    const e = err as { stderr?: string };
    throw new Error(`nginx refused the configuration:\n${e.stderr ?? String(err)}`);
  }
  const started = await startProcess({ command: bin, args, timeoutMs: 20_000 });
  const deadline = Date.now() + 20_000;
  while (!(await portAnswers(ports[0] as number))) {
    if (started.child.exitCode !== null || Date.now() > deadline) {
      await started.stop('SIGKILL');
      throw new Error(`nginx did not start listening:\n${started.output()}${errorLog()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    prefix,
    ports,
    process: started,
    url: (n = 0) => `http://127.0.0.1:${ports[n]}`,
    errorLog,
    async stop() {
      // SIGQUIT: graceful shutdown (SIGTERM is nginx's fast one); the temp prefix goes after it.
      await started.stop('SIGQUIT', 5000);
      await dir.remove();
    },
  };
}
