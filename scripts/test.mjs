// `npm test`: installs what is missing, builds, runs every check, and ends with one summary line.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  ensureChromium,
  ensureDependencies,
  ensureFonts,
  ensureNginx,
  ensurePnpm,
  ensurePostgres,
  log,
  root,
  run,
} from './lib/bootstrap.mjs';
import { failedTests } from './lib/failed-tests.mjs';

const started = Date.now();

/** `test`, and a package's further test runs `test:<name>` (e.g. `test:postgres`). */
const isTestTask = (name) => name === 'test' || name.startsWith('test:');
/** Where a test task's Vitest JSON report is: `test:<name>` writes `test-results/<name>/vitest.json`. */
const reportOf = (name) =>
  name === 'test' ? join('test-results', 'vitest.json') : join('test-results', name.slice(5), 'vitest.json');
const suiteName = (task) => (task.task === 'test' ? task.package : `${task.package} (${task.task.slice(5)})`);
ensurePnpm();
ensureDependencies();
const chrome = ensureChromium();
ensureFonts();
const env = { CHROME_PATH: chrome, PG_BIN: ensurePostgres(), NGINX_BIN: ensureNginx() };

const workspaceDirs = ['packages', 'plugins', 'shell']
  .flatMap((group) => {
    const dir = join(root, group);
    return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
  })
  .concat([join(root, 'registry'), join(root, 'docs')])
  .filter((dir) => existsSync(join(dir, 'package.json')));

// Stale reports must never count: turbo restores them from its cache when a task is a hit.
for (const dir of workspaceDirs) rmSync(join(dir, 'test-results'), { recursive: true, force: true });

// Lint is turbo's root task //#lint (`biome ci .` over the whole tree), cached like the others.
const checks = [];
log('lint, typecheck, build and test (turbo)');
const runsDir = join(root, '.turbo', 'runs');
const before = new Set(existsSync(runsDir) ? readdirSync(runsDir) : []);
const turboStatus = run(
  'pnpm',
  [
    'exec',
    'turbo',
    'run',
    'lint',
    'typecheck',
    'build',
    'test',
    // The PostgreSQL + S3 runs of the registry and the shell server: their own tasks, so turbo runs them
    // beside other packages' tests instead of after their embedded runs inside one long task.
    'test:postgres',
    '--continue',
    '--concurrency=2',
    '--summarize',
    '--output-logs=errors-only',
  ],
  { allowFailure: true, env },
);

const summaryFile = (existsSync(runsDir) ? readdirSync(runsDir) : [])
  .filter((f) => f.endsWith('.json') && !before.has(f))
  .map((f) => join(runsDir, f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];

let passed = checks.filter((c) => c.ok).length;
let failed = checks.filter((c) => !c.ok).length;
const failures = checks.filter((c) => !c.ok).map((c) => c.name);
const failedTestLines = [];
const suites = [];

if (!summaryFile) {
  failed += 1;
  failures.push(`turbo (exit ${turboStatus}, no run summary)`);
} else {
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  for (const task of summary.tasks) {
    // A package without the script (most have no `test:postgres`): nothing ran, nothing to count.
    if (task.command === '<NONEXISTENT>') continue;
    const ok = task.execution?.exitCode === 0;
    if (!isTestTask(task.task)) {
      if (ok) passed += 1;
      else {
        failed += 1;
        failures.push(task.taskId);
      }
      continue;
    }
    const report = join(root, task.directory, reportOf(task.task));
    if (existsSync(report)) {
      const r = JSON.parse(readFileSync(report, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      suites.push(`${suiteName(task)}: ${r.numPassedTests}/${r.numTotalTests}`);
      failedTestLines.push(...failedTests(r, suiteName(task), root));
      if (r.numFailedTests > 0 || !ok) {
        if (r.numFailedTests === 0) failed += 1;
        failures.push(task.taskId);
      }
    } else if (ok) {
      passed += 1; // a test task with its own check (e.g. the docs link check)
      suites.push(`${suiteName(task)}: check`);
    } else {
      failed += 1;
      failures.push(task.taskId);
    }
  }
  if (turboStatus !== 0 && failures.length === 0) {
    failed += 1;
    failures.push(`turbo exited with ${turboStatus}`);
  }
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
log(`suites: ${suites.join(', ') || 'none'}`);
if (failures.length) log(`failed: ${failures.join(', ')}`);
const SHOWN = 30;
for (const line of failedTestLines.slice(0, SHOWN)) log(`  ✗ ${line}`);
if (failedTestLines.length > SHOWN) log(`  … and ${failedTestLines.length - SHOWN} more failed tests`);
log(`wall time ${seconds} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
