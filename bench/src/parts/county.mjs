// (e) County load: one machine serves a county — `npm start`'s registry and shell (embedded SQLite),
// seeded with the demo province and then `BENCH_COUNTY_VILLAGES` (300) villages (county-seed.mjs), are
// started again as a county would run them behind its reverse proxy (`--trust-proxy` loopback, so each
// resident's own address counts for the rate limits), and `BENCH_COUNTY_RESIDENTS` (3,000) residents
// open their village's home and read one module for `BENCH_COUNTY_SECONDS` (60) (county-load.mjs).
// Goals: no errors, p99 ≤ 200 ms on each resident endpoint; errors are reported by endpoint and kind.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { figure } from '../goals.mjs';
import { registryCli, root } from '../paths.mjs';
import { startLogged, stopChild, waitForHttp } from '../processes.mjs';
import { percentile, summarize } from '../stats.mjs';
import { ENDPOINTS, residentLoad } from './county-load.mjs';
import { seedCounty } from './county-seed.mjs';
import { startDemoPlatform } from './platform.mjs';
import { describeShares, profileRunning, profilingEnv, selfTimeByOrigin } from './profile.mjs';

const shellCli = join(root, 'shell', 'server', 'dist', 'cli.js');
const MODULE = { widget: '@cunmen/affairs-disclosure', id: 'affairs-disclosure', path: '/published' };

/**
 * The registry and shell of the seeded data directory, the shell believing the loopback proxy and
 * ready to profile itself into `profiles` on SIGUSR2 (cpu-profile-preload.mjs).
 */
async function serveCounty(platform, profiles) {
  const { data, ports } = platform;
  const shellData = join(data, 'shell');
  const registry = startLogged(
    process.execPath,
    [
      registryCli,
      'serve',
      '--port',
      String(ports.registry),
      '--data',
      join(data, 'registry'),
      '--public-url',
      `http://localhost:${ports.registry}`,
    ],
    { logFile: join(data, 'county-registry.log') },
  );
  const registryToken = join(shellData, 'registry-token');
  const shell = startLogged(
    process.execPath,
    [
      shellCli,
      'serve',
      '--port',
      String(ports.shell),
      '--data',
      shellData,
      '--public-url',
      `http://localhost:${ports.shell}`,
      '--registry',
      `http://localhost:${ports.registry}`,
      '--console-port',
      String(ports.console),
      '--admin-token-file',
      join(shellData, 'admin-token'),
      '--province-key',
      join(shellData, 'province-key.pem'),
      ...(existsSync(registryToken) ? ['--registry-token-file', registryToken] : []),
      '--trust-proxy',
      '127.0.0.1',
      '--trust-proxy',
      '::1',
    ],
    { logFile: join(data, 'county-shell.log'), env: profilingEnv(profiles) },
  );
  await waitForHttp(registry, `http://127.0.0.1:${ports.registry}/-/ping`, 'the registry');
  await waitForHttp(shell, `http://127.0.0.1:${ports.shell}/api/villages`, 'the shell');
  return {
    url: `http://127.0.0.1:${ports.shell}`,
    startProfiling: () => shell.kill('SIGUSR2'),
    origin: `http://localhost:${ports.shell}`,
    stop: async () => {
      await stopChild(shell);
      await stopChild(registry);
    },
  };
}

export async function countyPart({ say, env = process.env }) {
  const villages = Number(env.BENCH_COUNTY_VILLAGES ?? 300);
  const residents = Number(env.BENCH_COUNTY_RESIDENTS ?? 3000);
  const seconds = Number(env.BENCH_COUNTY_SECONDS ?? 60);
  // Each resident comes back every 20 s on average: about three visits in the minute.
  const thinkMs = Number(env.BENCH_COUNTY_THINK_MS ?? 20_000);
  const rampSeconds = Number(env.BENCH_COUNTY_RAMP_SECONDS ?? 15);
  const platform = await startDemoPlatform({ say });
  let county;
  let load;
  let cause = '';
  const profiles = join(platform.data, 'profiles');
  mkdirSync(profiles, { recursive: true });
  try {
    const codes = await seedCounty({ platform, villages, say });
    await platform.stop({ keepData: true });
    county = await serveCounty(platform, profiles);
    say(`county: served again; every home once (warm-up), then ${residents} residents for ${seconds} s`);
    for (const code of codes) {
      const res = await fetch(`${county.url}/v/${code}/`);
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`the home of ${code} answered ${res.status}`);
    }
    if (env.BENCH_PROFILE !== '0') county.startProfiling();
    load = await residentLoad({
      shellUrl: county.url,
      origin: county.origin,
      villages: codes,
      residents,
      seconds,
      rampSeconds,
      thinkMs,
      module: MODULE,
    });
    await county.stop();
    const profile = profileRunning(profiles, 'node_modules/fastify/');
    if (profile) cause = `shell self time under the load: ${describeShares(selfTimeByOrigin(profile))}`;
  } finally {
    await county?.stop();
    await platform.stop();
  }
  const errors = Object.entries(load.errors).sort((a, b) => b[1] - a[1]);
  const errorCount = errors.reduce((n, [, c]) => n + c, 0);
  const requests = ENDPOINTS.reduce((n, e) => n + load.latencies[e].length, 0);
  const who = `${villages} villages, ${residents.toLocaleString('en')} residents (think ${thinkMs / 1000} s), ${seconds} s`;
  const figures = [
    figure({
      id: 'county.errors',
      measure: `county load (${who}): errors, of ${requests.toLocaleString('en')} requests (${Math.round(requests / seconds)}/s)`,
      unit: 'requests',
      better: 'lower',
      value: summarize([errorCount]),
      limit: 0,
      note:
        errors.length === 0
          ? ''
          : errors
              .slice(0, 6)
              .map(([k, n]) => `${k} × ${n}`)
              .join(', '),
    }),
  ];
  for (const endpoint of ENDPOINTS) {
    const samples = load.latencies[endpoint];
    if (samples.length === 0) continue;
    figures.push(
      figure({
        id: `county.p99.${endpoint.replace(/\s+/g, '-')}`,
        measure: `county load: ${endpoint} p99 (${samples.length.toLocaleString('en')} requests, median ${percentile(samples, 50).toFixed(0)} ms)`,
        unit: 'ms',
        better: 'lower',
        value: summarize([percentile(samples, 99)]),
        limit: 200,
        note: cause,
      }),
    );
  }
  return { figures, problems: [], detail: { errors: load.errors, visits: load.visits } };
}
