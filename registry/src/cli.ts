#!/usr/bin/env node
/**
 * `cunmen-registry`: the command table in `cli/index.ts`, run by `@cunmen/command-line`. A registry
 * error (a version that does not exist, a decision on one that is not pending) is a refusal: one line,
 * exit 1. A command given no `--data` uses the data directory the environment names (`cli/data-dir.ts`).
 */
import { runProgram } from '@cunmen/command-line';
import { withDefaultData } from './cli/data-dir.js';
import { COMMANDS } from './cli/index.js';
import { isRegistryError } from './errors.js';

const resolved = withDefaultData(process.argv.slice(2), COMMANDS, process.env);
if ('error' in resolved) {
  process.stderr.write(`cunmen-registry: ${resolved.error}\n\n${resolved.help}`);
  process.exit(2);
}
runProgram({ name: 'cunmen-registry', commands: COMMANDS, isRefusal: isRegistryError }, resolved.argv);
