// The engines `npm run start:scale` runs without root services, each as a supervised child with its files
// under one folder (Node.js builtins only): PostgreSQL (initdb on the first start), an S3-protocol server
// (s3rver, the one the tests use) and Debian's nginx with the tested configuration of deploy/nginx.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { childEnv, log, root } from './bootstrap.mjs';
import { exec } from './exec.mjs';

/** s3rver's fixed credentials: any signature made with them is accepted. */
export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

function idsOf(user) {
  const id = (flag) => Number(execFileSync('id', [flag, user], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** As root, a folder and everything in it handed to `user` (PostgreSQL and nginx's workers refuse root). */
function handTo(dir, user) {
  if (process.getuid?.() !== 0) return {};
  const ids = idsOf(user);
  const walk = (path) => {
    chownSync(path, ids.uid, ids.gid);
    if (statSync(path).isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dir);
  return ids;
}

export function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * PostgreSQL in `dir` (initdb on the first start, trust authentication on loopback only), as the
 * `postgres` user when run as root, like the tests' startPostgres.
 */
export function postgresService({ bin, dir, port }) {
  mkdirSync(dir, { recursive: true });
  const ids = handTo(dir, 'postgres');
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    log(`first start: initdb ${dir}`);
    const init = spawnSync(
      `${bin}/initdb`,
      ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8'],
      { encoding: 'utf8', ...ids },
    );
    if (init.status !== 0) {
      throw new Error(
        `initdb failed: ${init.stderr || init.stdout}(as root, every folder above ${dir} must be readable by the postgres user)`,
      );
    }
  }
  return {
    name: 'postgres',
    command: `${bin}/postgres`,
    args: [
      '-D',
      dir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
    ],
    spawn: ids,
    ready: /database system is ready to accept connections/,
    // Fast shutdown: the instances stopped before it, so no session is waited for.
    stopSignal: 'SIGINT',
  };
}

/** Creates a database unless it exists. */
export async function ensureDatabase({ bin, port, name }) {
  const psql = (sql) =>
    exec(`${bin}/psql`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-tAc', sql], {
      env: childEnv(),
    });
  const found = await psql(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (found.code !== 0) throw new Error(`psql failed: ${found.stderr}`);
  if (found.stdout.trim() === '1') return;
  const made = await psql(`CREATE DATABASE ${name}`);
  if (made.code !== 0) throw new Error(`CREATE DATABASE ${name} failed: ${made.stderr}`);
  log(`created database ${name}`);
}

export function s3Service({ dir, port }) {
  mkdirSync(dir, { recursive: true });
  return {
    name: 's3',
    // --silent: a line per object request would drown the services' own lines.
    args: [
      join(root, 'node_modules', 's3rver', 'bin', 's3rver.js'),
      '--silent',
      '-d',
      dir,
      '-a',
      '127.0.0.1',
      '-p',
      String(port),
    ],
    ready: /S3rver listening on (\S+)/,
  };
}

/** Creates a bucket (path-style PUT, as the services address it) unless it exists. */
export async function ensureBucket({ endpoint, bucket }) {
  if ((await fetch(`${endpoint}/${bucket}`, { method: 'HEAD' })).ok) return;
  const res = await fetch(`${endpoint}/${bucket}`, { method: 'PUT' });
  const body = await res.text();
  if (res.ok) log(`created bucket ${bucket}`);
  else if (!/BucketAlreadyOwnedByYou|BucketAlreadyExists/.test(body)) {
    throw new Error(`creating bucket ${bucket} failed (${res.status}): ${body}`);
  }
}

/** nginx with deploy/nginx's rendered configuration in `prefix`, listening on the public ports. */
export async function nginxService({ bin, prefix, listen, upstreams }) {
  const { preparePrefix, renderNginxConfig } = await import(
    join(root, 'deploy', 'nginx', 'dist', 'index.js')
  );
  preparePrefix(prefix);
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, renderNginxConfig({ prefix, listen, upstreams }));
  handTo(prefix, 'nobody');
  const errorLog = join(prefix, 'logs', 'error.log');
  const args = ['-p', prefix, '-c', conf, '-e', errorLog, '-g', 'daemon off;'];
  const test = spawnSync(bin, [...args, '-t', '-q'], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx refused ${conf}:\n${test.stderr}`);
  const firstPort = Number(String(Object.values(listen)[0]).split(':').at(-1));
  return {
    name: 'nginx',
    command: bin,
    args,
    ready: () => portAnswers(firstPort),
    where: `${Object.values(listen).join(', ')} (logs in ${join(prefix, 'logs')})`,
    // SIGQUIT: nginx's graceful stop (requests in flight finish).
    stopSignal: 'SIGQUIT',
  };
}
