// (b) Registry throughput at 100 connections: the registry's own bench (`registry/bench`, which
// measures each hot read against a raw `node:http` server sending the captured bytes) run once per
// round, and Verdaccio 6.8.0 serving the same package measured in the same round with the same load.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { figure } from '../goals.mjs';
import { registryBenchDir, registryBenchResults, testUtils } from '../paths.mjs';
import { runToEnd } from '../processes.mjs';
import { summarize } from '../stats.mjs';
import { describeShares, profileRunning, profilingEnv, selfTimeByOrigin } from './profile.mjs';
import { registryBenchFixtures } from './registry-bench.mjs';
import { startVerdaccio } from './verdaccio.mjs';

const NAME = '@deqing/find-machinery';
const VERSIONS = 30;

/** A stable id for a case name of the registry bench (`packument, abbreviated, gzip` → `packument-abbreviated-gzip`). */
export function caseId(name) {
  return name
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

async function verdaccioRate(url, c, connections, seconds) {
  const headers = {};
  if (c.accept) headers.accept = c.accept;
  if (c.acceptEncoding) headers['accept-encoding'] = c.acceptEncoding;
  await autocannon({ url: `${url}${c.path}`, headers, connections, duration: 1 });
  const r = await autocannon({ url: `${url}${c.path}`, headers, connections, duration: seconds });
  return { reqPerSec: Math.round(r.requests.average), errors: r.errors + r.non2xx };
}

function runRegistryBench(seconds, connections, env = {}) {
  return runToEnd(process.execPath, [join(registryBenchDir, 'dist', 'bench', 'registry.bench.js')], {
    cwd: join(registryBenchDir, '..'),
    env: {
      BENCH_DURATION: String(seconds),
      BENCH_CONNECTIONS: String(connections),
      BENCH_VERSIONS: String(VERSIONS),
      ...env,
    },
  });
}

/**
 * One more round, not counted, with every process profiled (cpu-profile-preload.mjs): the registry's self time by
 * origin is the cause the table names for a gap to raw `node:http`.
 */
async function profiledCause(seconds, connections, work, say) {
  if (process.env.BENCH_PROFILE === '0') return '';
  say('registry: one more round under the CPU profiler, to name where its time goes');
  const dir = join(work, 'profiles');
  mkdirSync(dir, { recursive: true });
  await new Promise((resolve, reject) => {
    const bench = spawn(process.execPath, [join(registryBenchDir, 'dist', 'bench', 'registry.bench.js')], {
      cwd: join(registryBenchDir, '..'),
      env: {
        ...process.env,
        BENCH_DURATION: String(seconds),
        BENCH_CONNECTIONS: String(connections),
        BENCH_VERSIONS: String(VERSIONS),
        ...profilingEnv(dir),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    // The bench prints "measuring …" once seeded: from then on its servers only answer the load.
    bench.stdout.on('data', (chunk) => {
      if (!chunk.toString().includes('measuring')) return;
      const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(bench.pid)], { encoding: 'utf8' });
      for (const pid of children.split(/\s+/).filter(Boolean)) process.kill(Number(pid), 'SIGUSR2');
    });
    bench.once('error', reject);
    bench.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`profiled registry bench exited ${code}`)),
    );
  });
  const profile = profileRunning(dir, 'node_modules/fastify/');
  return profile ? `registry self time under load: ${describeShares(selfTimeByOrigin(profile))}` : '';
}

export async function registryPart({ seconds, runs, connections, say }) {
  const { widgetTarball } = await registryBenchFixtures();
  const { publishDocument } = await import(testUtils);
  const versions = Array.from({ length: VERSIONS }, (_, i) => {
    const version = `1.${i}.0`;
    return { version, tarball: widgetTarball(NAME, version) };
  });
  const work = mkdtempSync(join(tmpdir(), 'cunmen-bench-verdaccio-'));
  const verdaccio = await startVerdaccio({ dir: work, name: NAME, versions, publishDocument });
  const samples = new Map();
  const problems = [];
  let cause = '';
  try {
    for (let run = 1; run <= runs; run++) {
      say(`registry round ${run}/${runs}: registry and raw node:http (registry/bench), then Verdaccio`);
      await runRegistryBench(seconds, connections);
      const round = JSON.parse(readFileSync(registryBenchResults, 'utf8'));
      for (const c of round.cases) {
        const s = samples.get(c.name) ?? { case: c, registry: [], raw: [], verdaccio: [] };
        samples.set(c.name, s);
        s.registry.push(c.registry.reqPerSec);
        s.raw.push(c.raw.reqPerSec);
        for (const [who, m] of [
          ['registry', c.registry],
          ['raw', c.raw],
        ]) {
          if (m.errors + m.non2xx > 0)
            problems.push(`${c.name} via ${who}: ${m.errors} errors, ${m.non2xx} non-2xx`);
        }
        if (c.name.startsWith('asset')) continue; // Verdaccio serves no files out of tarballs
        const v = await verdaccioRate(verdaccio.url, c, connections, seconds);
        if (v.errors > 0) problems.push(`${c.name} via Verdaccio: ${v.errors} errors or non-2xx`);
        s.verdaccio.push(v.reqPerSec);
      }
      for (const skipped of round.skipped ?? []) problems.push(`registry bench skipped ${skipped}`);
    }
    cause = await profiledCause(seconds, connections, work, say);
  } finally {
    await verdaccio.stop();
    rmSync(work, { recursive: true, force: true });
  }
  const figures = [];
  for (const s of samples.values()) {
    const id = caseId(s.case.name);
    const value = summarize(s.registry);
    const base = {
      id: `registry.${id}`,
      measure: `registry ${s.case.name} (${s.case.bytes} B), ${connections} connections`,
      unit: 'req/s',
      better: 'higher',
      value,
    };
    figures.push(
      figure({
        ...base,
        id: `${base.id}.vs-raw`,
        note: cause,
        baseline: { name: 'raw node:http', value: summarize(s.raw) },
        ratio: 0.7,
      }),
    );
    if (s.verdaccio.length > 0) {
      figures.push(
        figure({
          ...base,
          id: `${base.id}.vs-verdaccio`,
          baseline: { name: 'Verdaccio 6.8.0', value: summarize(s.verdaccio) },
          ratio: 5,
        }),
      );
    }
  }
  return { figures, problems };
}
