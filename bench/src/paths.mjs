// Where the harness finds the repository's built parts. Every part runs against `dist/` builds, as
// `npm start` does; `scripts/bench/run.mjs` builds them first.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = fileURLToPath(new URL('..', import.meta.url));
export const root = join(benchDir, '..');
export const resultsDir = join(benchDir, 'results');
export const registryCli = join(root, 'registry', 'dist', 'cli.js');
export const registryLib = join(root, 'registry', 'dist', 'index.js');
export const registryBenchDir = join(root, 'registry', 'bench');
export const registryBenchResults = join(registryBenchDir, 'results.json');
/** The registry's test fixtures as its bench compiles them (the same widget tarball in every part). */
export const registryFixtures = join(registryBenchDir, 'dist', 'test', 'fixtures.js');
export const testUtils = join(root, 'packages', 'test-utils', 'dist', 'index.js');
export const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const performancePage = join(root, 'docs', 'docs', 'province', 'performance.md');
