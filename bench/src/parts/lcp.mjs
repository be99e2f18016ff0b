// (d) Home LCP: Lighthouse 12.2.3 (its default mobile emulation and simulated throttling) on 仙潭村's
// home as the shell serves it, and on the bare Module Federation host (bench/baselines/bare-host)
// rendering the same home tiles from the same registry, alternating, five rounds each by default; the
// figure is the median LCP over the bare host's in the same run. Debian's Chromium, headless.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure } from '../goals.mjs';
import { benchDir, chromium } from '../paths.mjs';
import { freePort, runToEnd } from '../processes.mjs';
import { summarize } from '../stats.mjs';
import { bareHostPage, startBareHostServer } from './lcp-server.mjs';
import { startDemoPlatform, XIANTAN } from './platform.mjs';

const lighthouseCli = join(
  createRequire(join(benchDir, 'package.json')).resolve('lighthouse/package.json'),
  '..',
  'cli',
  'index.js',
);

/** One Lighthouse run: `{ lcp, element }` (ms, and what the largest paint was). */
async function lighthouse(url, out) {
  const report = join(out, 'report.json');
  await runToEnd(
    process.execPath,
    [
      lighthouseCli,
      url,
      '--only-categories=performance',
      '--output=json',
      `--output-path=${report}`,
      '--quiet',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
      '--max-wait-for-load=60000',
    ],
    { env: { CHROME_PATH: chromium } },
  );
  const lhr = JSON.parse(readFileSync(report, 'utf8'));
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const lcp = lhr.audits['largest-contentful-paint']?.numericValue;
  if (!Number.isFinite(lcp)) throw new Error(`Lighthouse on ${url} measured no LCP`);
  const tables = lhr.audits['largest-contentful-paint-element']?.details?.items ?? [];
  const node = tables.flatMap((t) => t.items ?? []).find((i) => i.node)?.node;
  // TTFB, load delay, load time and render delay: where the LCP went (simulated, ms).
  const phases = Object.fromEntries(
    tables
      .flatMap((t) => t.items ?? [])
      .filter((i) => typeof i.phase === 'string')
      .map((i) => [i.phase, Math.round(i.timing)]),
  );
  // When Lighthouse cannot name the element (the tile that painted it was re-rendered), the scripts'
  // main-thread time and the bytes still say where the LCP went.
  const bootup = lhr.audits['bootup-time'];
  const scripts = [...(bootup?.details?.items ?? [])]
    .sort((a, b) => b.total - a.total)
    .slice(0, 2)
    .map((i) => `${String(i.url).split('/').pop() || i.url} ${Math.round(i.total)} ms`);
  return {
    lcp,
    element: node?.nodeLabel ?? node?.snippet ?? '',
    phases,
    bootupMs: bootup?.numericValue,
    scripts,
    bytes: lhr.audits['total-byte-weight']?.numericValue,
  };
}

export async function lcpPart({ say, env = process.env }) {
  const rounds = Number(env.BENCH_LCP_RUNS ?? 5);
  const out = mkdtempSync(join(tmpdir(), 'cunmen-bench-lcp-'));
  const platform = await startDemoPlatform({ say });
  let server;
  const portal = [];
  const bare = [];
  try {
    say('lcp: building the bare Module Federation host');
    const dist = join(out, 'bare-host');
    await runToEnd(process.execPath, [join(benchDir, 'baselines', 'bare-host', 'build.mjs'), dist]);
    const res = await fetch(`${platform.shellUrl}/api/portals/${XIANTAN}/snapshot`);
    if (!res.ok) throw new Error(`the snapshot of ${XIANTAN} answered ${res.status}`);
    const page = bareHostPage(await res.json());
    const port = await freePort();
    server = await startBareHostServer({ dir: dist, port, shellUrl: platform.shellUrl, page });
    const urls = { portal: `${platform.shellUrl}/v/${XIANTAN}/`, bare: `http://localhost:${port}/` };
    say(`lcp: ${page.widgets.length} home tiles; warm-up run of each`);
    await lighthouse(urls.portal, out);
    await lighthouse(urls.bare, out);
    for (let round = 1; round <= rounds; round++) {
      say(`lcp round ${round}/${rounds}: the portal, then the bare host`);
      portal.push(await lighthouse(urls.portal, out));
      bare.push(await lighthouse(urls.bare, out));
    }
  } finally {
    await server?.close();
    await platform.stop();
    rmSync(out, { recursive: true, force: true });
  }
  const median = (runs) => [...runs].sort((a, b) => a.lcp - b.lcp)[Math.floor(runs.length / 2)];
  const explain = (run) =>
    [
      run.element ? `element \`${run.element.slice(0, 60)}\`` : '',
      Object.entries(run.phases)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', '),
      `main-thread JS ${Math.round(run.bootupMs ?? 0)} ms (${run.scripts.join(', ')})`,
      `${Math.round((run.bytes ?? 0) / 1000)} KB transferred`,
    ]
      .filter(Boolean)
      .join('; ');
  return {
    figures: [
      figure({
        id: 'lcp.home',
        measure: `仙潭村 home LCP (Lighthouse 12.2.3, mobile throttling, median of ${rounds})`,
        unit: 'ms',
        better: 'lower',
        value: summarize(portal.map((r) => r.lcp)),
        baseline: { name: 'bare MF host', value: summarize(bare.map((r) => r.lcp)) },
        ratio: 0.7,
        note: `median runs — portal: ${explain(median(portal))}; bare host: ${explain(median(bare))}`,
      }),
    ],
    problems: [],
    detail: { portal, bare },
  };
}
