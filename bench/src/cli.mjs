// `npm run bench [-- --only home,registry] [--compare <baseline.json>]`: measures the selected parts
// (every part by default), writes bench/results/latest.json and latest.md, prints the table, and with
// --docs copies the table into docs/docs/province/performance.md, and
// --compare exits 1 when a figure regressed by more than 20 % against the saved run.
// Settings (environment): BENCH_SECONDS (per measurement, default 5), BENCH_RUNS (rounds, default 3),
// BENCH_CONNECTIONS (default 100), BENCH_CATALOG_WIDGETS (10000), BENCH_CATALOG_VERSIONS (10).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { compareResults, DEFAULT_TOLERANCE } from './compare.mjs';
import { writeDocsTable } from './docs-table.mjs';
import { notMeasured } from './goals.mjs';
import { PARTS } from './parts/index.mjs';
import { performancePage, resultsDir, root } from './paths.mjs';
import { renderMarkdown } from './report.mjs';

/** The repository's formatter over what the run wrote, so `biome ci .` passes on a committed result. */
function formatWritten(files) {
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', ...files], {
      stdio: 'ignore',
    });
  } catch {
    process.stdout.write('warning: biome could not format the results (they are written unformatted)\n');
  }
}

const say = (line) => process.stdout.write(`[bench] ${line}\n`);
const number = (name, fallback, alias) => {
  const value = Number(process.env[name] ?? (alias ? process.env[alias] : undefined) ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    compare: { type: 'string' },
    tolerance: { type: 'string' },
    docs: { type: 'boolean' },
  },
});
const names = PARTS.map((p) => p.name);
const only = values.only ? values.only.split(',').map((s) => s.trim()) : names;
const unknown = only.filter((n) => !names.includes(n));
if (unknown.length > 0) throw new Error(`unknown part ${unknown.join(', ')}; parts: ${names.join(', ')}`);

const settings = {
  // BENCH_DURATION is the registry bench's own name for it (docs/docs/province/run-the-registry.md).
  seconds: number('BENCH_SECONDS', 5, 'BENCH_DURATION'),
  runs: number('BENCH_RUNS', 3),
  connections: number('BENCH_CONNECTIONS', 100),
  widgets: number('BENCH_CATALOG_WIDGETS', 10_000),
  versions: number('BENCH_CATALOG_VERSIONS', 10),
};
const load = loadavg();
const results = {
  generatedAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadAverage: load,
    underLoad: load[0] > cpus().length,
  },
  settings: { ...settings, parts: only.join(',') },
  figures: [],
  problems: [],
  details: {},
};

let failed = false;
for (const part of PARTS) {
  if (!only.includes(part.name)) {
    results.figures.push(notMeasured(part.name, part.measure, 'not selected in this run (--only)'));
    continue;
  }
  if (!part.run) {
    results.figures.push(notMeasured(part.name, part.measure, part.why));
    continue;
  }
  const started = Date.now();
  say(`${part.name}: ${part.measure}`);
  try {
    const out = await part.run({ ...settings, say });
    results.figures.push(...out.figures);
    results.problems.push(...out.problems);
    if (out.detail) results.details[part.name] = out.detail;
    say(`${part.name}: done in ${Math.round((Date.now() - started) / 1000)} s`);
  } catch (err) {
    failed = true;
    say(`${part.name} failed: ${err.stack ?? err}`);
    results.figures.push(
      notMeasured(part.name, part.measure, `failed: ${String(err.message).split('\n')[0]}`),
    );
  }
}
// Measured before and after: a run whose load rose mid-way is as much a floor as one that started loaded.
results.machine.loadAverageAtEnd = loadavg();
results.machine.underLoad ||= results.machine.loadAverageAtEnd[0] > cpus().length;

mkdirSync(resultsDir, { recursive: true });
const markdown = renderMarkdown(results);
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(join(resultsDir, 'latest.md'), markdown);
process.stdout.write(`\n${markdown}\nwrote ${join(resultsDir, 'latest.json')} and latest.md\n`);
if (values.docs) {
  writeDocsTable(performancePage, markdown);
  process.stdout.write(`updated ${performancePage}\n`);
}
formatWritten([
  join(resultsDir, 'latest.json'),
  join(resultsDir, 'latest.md'),
  ...(values.docs ? [performancePage] : []),
]);

if (values.compare) {
  const baseline = JSON.parse(readFileSync(values.compare, 'utf8'));
  const tolerance = values.tolerance === undefined ? DEFAULT_TOLERANCE : Number(values.tolerance);
  const diff = compareResults(baseline, results, tolerance);
  for (const r of diff.regressions) {
    process.stdout.write(
      `regression: ${r.measure}: ${r.before.toFixed(3)} → ${r.after.toFixed(3)} (${Math.round(r.change * 100)} % worse)\n`,
    );
  }
  for (const m of diff.missing) process.stdout.write(`not compared (missing in the ${m.in} run): ${m.id}\n`);
  process.stdout.write(
    `${diff.regressions.length} regressions over ${Math.round(tolerance * 100)} %, ${diff.improvements.length} improvements, ${diff.unchanged.length} unchanged\n`,
  );
  if (diff.regressions.length > 0) failed = true;
}
process.exitCode = failed ? 1 : 0;
