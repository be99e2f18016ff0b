/**
 * `pnpm --filter @cunmen/registry bench` (or `npm run bench` at the root): how fast the built registry
 * answers its hot reads, against a bare `node:http` server sending the same bytes.
 *
 * It starts `dist/cli.js serve` on a free loopback port with a temporary data directory, publishes a
 * fixture widget with 30 versions over HTTP and approves them as a province reviewer, records one
 * response per case (status, headers, body), and serves exactly those from a raw `node:http` server in
 * its own process. Then autocannon measures each case against both, one after the other: a warm-up,
 * then a fixed number of seconds with a fixed number of connections. It prints a table, writes
 * `bench/results.json`, and stops both servers.
 *
 * Settings: BENCH_DURATION (seconds, default 5), BENCH_CONNECTIONS (default 10), BENCH_VERSIONS
 * (default 30).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishDocument } from '@cunmen/test-utils';
import autocannon from 'autocannon';
import { widgetTarball } from '../test/fixtures.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const cli = fileURLToPath(new URL('../../../dist/cli.js', import.meta.url));
const rawServer = join(here, 'raw-server.js');
const resultsFile = fileURLToPath(new URL('../../results.json', import.meta.url));

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const VERSIONS = Number(process.env.BENCH_VERSIONS ?? 30);
const WARMUP = 1;
const NAME = '@deqing/find-machinery';
const ENCODED = NAME.replace('/', '%2f');

/** Response headers the raw server repeats (hop-by-hop and per-response ones are its own). */
const SKIPPED_HEADERS = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

interface Case {
  name: string;
  path: string;
  accept: string;
  encoding: string;
}

interface Captured {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface Measured {
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  non2xx: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function runCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, ...args], (err, stdout, stderr) => {
      if (err) reject(new Error(`cunmen-registry ${args.slice(0, 2).join(' ')} failed: ${stderr}`));
      else resolve(stdout);
    });
  });
}

/** The raw bytes of one GET (no decompression), with its headers. */
function capture(port: number, c: Case): Promise<Captured> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (c.accept) headers.accept = c.accept;
    if (c.encoding) headers['accept-encoding'] = c.encoding;
    const req = request({ host: '127.0.0.1', port, path: c.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const kept: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) {
          if (!SKIPPED_HEADERS.has(k) && v !== undefined) kept[k] = Array.isArray(v) ? v.join(', ') : v;
        }
        resolve({ status: res.statusCode ?? 0, headers: kept, body: Buffer.concat(chunks) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function requestKey(path: string, accept: string, encoding: string): string {
  return `${path}\n${accept}\n${encoding}`;
}

async function waitFor(child: ChildProcess, ready: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited (${child.exitCode}) before it was ready`);
    if (await ready()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} was not ready within 30 s`);
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.body?.cancel();
    return res.status < 500;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function measure(port: number, c: Case): Promise<Measured> {
  const headers: Record<string, string> = {};
  if (c.accept) headers.accept = c.accept;
  if (c.encoding) headers['accept-encoding'] = c.encoding;
  const url = `http://127.0.0.1:${port}${c.path}`;
  await autocannon({ url, headers, connections: CONNECTIONS, duration: WARMUP });
  const r = await autocannon({ url, headers, connections: CONNECTIONS, duration: DURATION });
  return {
    reqPerSec: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors,
    non2xx: r.non2xx,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cunmen-registry-bench-'));
  const data = join(dir, 'data');
  let registry: ChildProcess | undefined;
  let raw: ChildProcess | undefined;
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const log = openSync(join(dir, 'registry.log'), 'a');
    const developer = (
      await runCli([
        'user',
        'add',
        '--name',
        'bench-dev',
        '--role',
        'county',
        '--county',
        '330521',
        '--scope',
        '@deqing',
        '--data',
        data,
      ])
    ).trim();
    const reviewer = (
      await runCli([
        'user',
        'add',
        '--name',
        'bench-review',
        '--role',
        'province',
        '--county',
        '330000',
        '--data',
        data,
      ])
    ).trim();
    // The server logs every request as JSON, as in production; to a file, so a full pipe never stalls it.
    registry = spawn(process.execPath, [cli, 'serve', '--port', String(port), '--data', data], {
      stdio: ['ignore', log, log],
    });
    await waitFor(registry, () => answers(`${base}/-/ping`), 'the registry');

    process.stdout.write(`seeding ${NAME} with ${VERSIONS} approved versions…\n`);
    let lastTarball: Buffer = Buffer.alloc(0);
    let lastVersion = '';
    for (let i = 0; i < VERSIONS; i++) {
      const version = `1.${i}.0`;
      const tarball = widgetTarball(NAME, version);
      const published = await fetch(`${base}/${ENCODED}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${developer}`, 'content-type': 'application/json' },
        body: JSON.stringify(publishDocument(NAME, version, tarball)),
      });
      if (published.status !== 201)
        throw new Error(`publish ${version}: ${published.status} ${await published.text()}`);
      const approved = await fetch(`${base}/-/cunmen/v1/review/${NAME}/${version}/approve`, {
        method: 'POST',
        headers: { authorization: `Bearer ${reviewer}`, 'content-type': 'application/json' },
        body: '{}',
      });
      if (approved.status !== 200)
        throw new Error(`approve ${version}: ${approved.status} ${await approved.text()}`);
      lastTarball = tarball;
      lastVersion = version;
    }
    const tarballSha = createHash('sha256').update(lastTarball).digest('hex');

    const cases: Case[] = [
      { name: 'packument, full JSON', path: `/${ENCODED}`, accept: 'application/json', encoding: '' },
      {
        name: 'packument, abbreviated',
        path: `/${ENCODED}`,
        accept: 'application/vnd.npm.install-v1+json',
        encoding: '',
      },
      {
        name: 'packument, abbreviated, gzip',
        path: `/${ENCODED}`,
        accept: 'application/vnd.npm.install-v1+json',
        encoding: 'gzip',
      },
      {
        name: 'tarball',
        path: `/${NAME}/-/find-machinery-${lastVersion}.tgz`,
        accept: '',
        encoding: '',
      },
    ];
    const assetCase: Case = {
      name: 'asset (remoteEntry.js)',
      path: `/-/assets/${tarballSha}/remoteEntry.js`,
      accept: '',
      encoding: '',
    };
    const skipped: string[] = [];
    const assetProbe = await capture(port, assetCase);
    if (assetProbe.status === 200) cases.push(assetCase);
    else {
      skipped.push(`assets: GET ${assetCase.path} answered ${assetProbe.status}`);
      process.stdout.write('assets route not available\n');
    }

    const captured = new Map<Case, Captured>();
    for (const c of cases) {
      const got = await capture(port, c);
      if (got.status !== 200) throw new Error(`${c.name}: GET ${c.path} answered ${got.status}`);
      captured.set(c, got);
    }
    const responsesFile = join(dir, 'responses.json');
    writeFileSync(
      responsesFile,
      JSON.stringify(
        cases.map((c) => {
          const got = captured.get(c) as Captured;
          return {
            key: requestKey(c.path, c.accept, c.encoding),
            status: got.status,
            headers: got.headers,
            body: got.body.toString('base64'),
          };
        }),
      ),
    );
    const rawPort = await freePort();
    raw = spawn(process.execPath, [rawServer, responsesFile, String(rawPort)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let rawReady = false;
    raw.stdout?.on('data', () => {
      rawReady = true;
    });
    await waitFor(raw, async () => rawReady, 'the raw server');
    // The baseline must send exactly what the registry sent.
    for (const c of cases) {
      const a = captured.get(c) as Captured;
      const b = await capture(rawPort, c);
      if (!b.body.equals(a.body) || JSON.stringify(b.headers) !== JSON.stringify(a.headers)) {
        throw new Error(`the raw server's answer to ${c.name} differs from the registry's`);
      }
    }

    process.stdout.write(
      `measuring ${cases.length} cases × 2 servers: ${WARMUP} s warm-up + ${DURATION} s each, ${CONNECTIONS} connections\n`,
    );
    const rows = [];
    for (const c of cases) {
      const viaRegistry = await measure(port, c);
      const viaRaw = await measure(rawPort, c);
      const bytes = (captured.get(c) as Captured).body.length;
      rows.push({
        name: c.name,
        path: c.path,
        accept: c.accept || undefined,
        acceptEncoding: c.encoding || undefined,
        bytes,
        registry: viaRegistry,
        raw: viaRaw,
        registryVsRaw: Math.round((viaRegistry.reqPerSec / viaRaw.reqPerSec) * 100) / 100,
      });
    }

    const header = ['case', 'bytes', 'registry req/s', 'p99 ms', 'raw req/s', 'p99 ms', 'registry/raw'];
    const table = [
      header,
      ...rows.map((r) => [
        r.name,
        String(r.bytes),
        String(r.registry.reqPerSec),
        String(r.registry.p99Ms),
        String(r.raw.reqPerSec),
        String(r.raw.p99Ms),
        `${Math.round(r.registryVsRaw * 100)} %`,
      ]),
    ];
    const widths = header.map((_, i) => Math.max(...table.map((row) => (row[i] as string).length)));
    for (const [n, row] of table.entries()) {
      process.stdout.write(
        `${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] as number) : cell.padStart(widths[i] as number))).join('  ')}\n`,
      );
      if (n === 0) process.stdout.write(`${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
    }
    for (const r of rows) {
      for (const [who, m] of [
        ['registry', r.registry],
        ['raw', r.raw],
      ] as const) {
        if (m.errors > 0 || m.non2xx > 0) {
          process.stdout.write(
            `warning: ${r.name} via ${who}: ${m.errors} errors, ${m.non2xx} non-2xx answers\n`,
          );
        }
      }
    }
    for (const s of skipped) process.stdout.write(`skipped ${s}\n`);

    const results = {
      generatedAt: new Date().toISOString(),
      node: process.version,
      platform: `${process.platform} ${process.arch}`,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      settings: {
        durationSeconds: DURATION,
        warmupSeconds: WARMUP,
        connections: CONNECTIONS,
        versions: VERSIONS,
        package: NAME,
      },
      cases: rows,
      skipped,
    };
    writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`wrote ${resultsFile}\n`);
  } finally {
    await stop(raw);
    await stop(registry);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
