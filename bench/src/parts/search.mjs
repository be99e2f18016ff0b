// (c) Catalog search at scale: the registry serves a catalog seeded with `widgets` × `versions`
// (search-seed.mjs); one client sends the catalog's and npm's search queries back to back for
// `seconds` per round, and each round's p95 is one sample. One client, because the goal is the wait
// of one cadre typing in the catalog, not the registry's search throughput.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure } from '../goals.mjs';
import { registryCli, registryLib } from '../paths.mjs';
import { freePort, startLogged, stopChild, waitForHttp } from '../processes.mjs';
import { percentile, summarize } from '../stats.mjs';
import { registryBenchFixtures } from './registry-bench.mjs';
import { seedCatalog, WORDS } from './search-seed.mjs';

/** What a cadre types: one word, two words, a word that matches nothing, and a county's scope. */
export function searchQueries() {
  const words = [...WORDS.slice(0, 6), `${WORDS[0]} ${WORDS[3]}`, '无此部件'];
  return {
    catalog: words.map((w) => `/-/cunmen/v1/catalog?q=${encodeURIComponent(w)}`),
    npm: [
      ...words.map((w) => `/-/v1/search?text=${encodeURIComponent(w)}`),
      '/-/v1/search?text=scope:c330105',
    ],
  };
}

async function latencies(base, paths, seconds) {
  const samples = [];
  const until = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < until || samples.length < paths.length; i++) {
    const started = performance.now();
    const res = await fetch(`${base}${paths[i % paths.length]}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`GET ${paths[i % paths.length]} answered ${res.status}`);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function searchPart({ seconds, runs, widgets, versions, say }) {
  // tmpfs when there is one: fsync is then free, so seeding 100,000 versions takes minutes rather than
  // an hour of disk flushes; reads come from the page cache either way, so the search is not flattered.
  const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'cunmen-bench-search-'));
  const data = join(dir, 'data');
  let registry;
  try {
    say(`catalog: seeding ${widgets} widgets × ${versions} versions through the storage API`);
    const started = Date.now();
    const entries = await seedCatalog({
      registryLib: await import(registryLib),
      fixtures: await registryBenchFixtures(),
      dataDir: data,
      widgets,
      versions,
      say,
    });
    say(`catalog: ${entries} entries in ${Math.round((Date.now() - started) / 1000)} s`);
    const port = await freePort();
    registry = startLogged(process.execPath, [registryCli, 'serve', '--port', String(port), '--data', data], {
      logFile: join(dir, 'registry.log'),
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(registry, `${base}/-/ping`, 'the registry');
    const queries = searchQueries();
    const p95 = { catalog: [], npm: [] };
    await latencies(base, [...queries.catalog, ...queries.npm], 0); // warm-up: each query once
    for (let run = 1; run <= runs; run++) {
      say(`catalog round ${run}/${runs}`);
      for (const kind of ['catalog', 'npm'])
        p95[kind].push(percentile(await latencies(base, queries[kind], seconds), 95));
    }
    const measure = (what) =>
      `${what}, ${widgets.toLocaleString('en')} widgets × ${versions} versions, p95 of one client`;
    return {
      figures: [
        figure({
          id: 'search.catalog.p95',
          measure: measure('catalog search `/-/cunmen/v1/catalog?q=`'),
          unit: 'ms',
          better: 'lower',
          value: summarize(p95.catalog),
          limit: 50,
        }),
        figure({
          id: 'search.npm.p95',
          measure: measure('npm search `/-/v1/search?text=`'),
          unit: 'ms',
          better: 'lower',
          value: summarize(p95.npm),
          limit: 50,
        }),
      ],
      problems: entries === widgets ? [] : [`the catalog holds ${entries} entries, ${widgets} seeded`],
    };
  } finally {
    await stopChild(registry);
    rmSync(dir, { recursive: true, force: true });
  }
}
