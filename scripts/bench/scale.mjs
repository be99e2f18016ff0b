// Measures what the sizing table of docs/docs/province/run-for-a-province.md extrapolates from, on this
// machine: requests per second of an immutable tarball answered from nginx's cache, the same tarball from
// the registry itself, and a packument through nginx (never cached) and direct. The registry runs as its
// own process (embedded store), nginx with the tested configuration and one worker, autocannon in this
// process — all on the same cores, so the numbers are a floor for a machine that only serves.
// Run after a build: `node scripts/bench/scale.mjs` (BENCH_SECONDS, BENCH_CONNECTIONS to change the load).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureNginx, root } from '../lib/bootstrap.mjs';
import { portAnswers } from '../lib/scale-services.mjs';

// autocannon is the registry bench's dependency; resolved from there rather than added twice.
const autocannon = createRequire(join(root, 'registry', 'package.json'))('autocannon');
const { makeTarball, publishDocument, publishPath, freePort } = await import(
  join(root, 'packages', 'test-utils', 'dist', 'index.js')
);
const { preparePrefix, renderNginxConfig } = await import(join(root, 'deploy', 'nginx', 'dist', 'index.js'));

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const work = mkdtempSync(join(tmpdir(), 'cunmen-bench-scale-'));
chmodSync(work, 0o755); // as root, nginx's workers (nobody) must reach the cache below it
const registryCli = join(root, 'registry', 'dist', 'cli.js');
const children = [];

async function waitFor(port) {
  for (let i = 0; i < 200 && !(await portAnswers(port)); i++) await new Promise((r) => setTimeout(r, 50));
}

function start(command, args) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  return child;
}

async function measure(name, url) {
  await autocannon({ url, connections: CONNECTIONS, duration: 2 }); // warm-up (and the cache fill)
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const row = {
    name,
    rps: Math.round(r.requests.average),
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
  console.log(JSON.stringify(row));
  return row;
}

try {
  const data = join(work, 'registry');
  const token = execFileSync(
    process.execPath,
    [
      registryCli,
      'user',
      'add',
      '--name',
      'zj',
      '--role',
      'province',
      '--county',
      '330000',
      '--scope',
      '@cunmen',
      '--data',
      data,
    ],
    { encoding: 'utf8' },
  ).trim();
  const registryPort = await freePort();
  start(process.execPath, [
    registryCli,
    'serve',
    '--port',
    String(registryPort),
    '--data',
    data,
    '--trust-proxy',
    '127.0.0.1',
  ]);
  await waitFor(registryPort);
  const direct = `http://127.0.0.1:${registryPort}`;

  // A province library: 12,000 strings, about 28 KB once gzipped, the size of a small widget tarball.
  const name = '@cunmen/bench-library';
  const tarball = makeTarball([
    { path: 'package/package.json', body: JSON.stringify({ name, version: '1.0.0' }) },
    {
      path: 'package/dist/index.js',
      body: `export const table = ${JSON.stringify(Array.from({ length: 12_000 }, (_, i) => `村${i}`))};\n`,
    },
  ]);
  const published = await fetch(`${direct}${publishPath(name)}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(publishDocument(name, '1.0.0', tarball)),
  });
  if (published.status !== 201)
    throw new Error(`publish failed: ${published.status} ${await published.text()}`);

  const prefix = join(work, 'nginx');
  preparePrefix(prefix);
  const nginxPort = await freePort();
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(
    conf,
    renderNginxConfig({
      prefix,
      listen: { registry: `127.0.0.1:${nginxPort}` },
      upstreams: { registry: [`127.0.0.1:${registryPort}`] },
      workerProcesses: '1',
    }),
  );
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'nobody:nogroup', prefix]);
  start(ensureNginx(), [
    '-p',
    prefix,
    '-c',
    conf,
    '-e',
    join(prefix, 'logs', 'error.log'),
    '-g',
    'daemon off;',
  ]);
  await waitFor(nginxPort);
  const proxied = `http://127.0.0.1:${nginxPort}`;

  const tgz = '/@cunmen/bench-library/-/bench-library-1.0.0.tgz';
  const rows = [
    await measure('tarball from nginx cache', `${proxied}${tgz}`),
    await measure('tarball from the registry', `${direct}${tgz}`),
    await measure('packument through nginx', `${proxied}/@cunmen%2fbench-library`),
    await measure('packument from the registry', `${direct}/@cunmen%2fbench-library`),
  ];
  console.log(
    `\ntarball ${tarball.length} bytes; registry.db ${statSync(join(data, 'registry.db')).size} bytes`,
  );
  console.log(`| what | requests/s | p50 ms | p99 ms |\n| --- | --- | --- | --- |`);
  for (const r of rows) console.log(`| ${r.name} | ${r.rps} | ${r.p50ms} | ${r.p99ms} |`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  if (process.env.BENCH_KEEP) console.log(`kept ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
