// The registry's own bench (registry/bench) compiled once per run: (b) runs it, and (b) and (c) publish
// or store its fixture widget so every part measures the same bytes.
import { join } from 'node:path';
import { registryBenchDir, registryFixtures, root } from '../paths.mjs';
import { runToEnd } from '../processes.mjs';

let compiled;

/** Compiles registry/bench (tsc -p tsconfig.bench.json) once; resolves the fixtures module. */
export function registryBenchFixtures() {
  compiled ??= runToEnd(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.bench.json'],
    { cwd: join(registryBenchDir, '..') },
  ).then(() => import(registryFixtures));
  return compiled;
}
