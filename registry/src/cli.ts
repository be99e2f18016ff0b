#!/usr/bin/env node
/**
 * `cunmen-registry`: the command table in `cli/index.ts`, run by `@cunmen/command-line`. A registry
 * error (a version that does not exist, a decision on one that is not pending) is a refusal: one line,
 * exit 1.
 */
import { runProgram } from '@cunmen/command-line';
import { COMMANDS } from './cli/index.js';
import { isRegistryError } from './errors.js';

runProgram(
  { name: 'cunmen-registry', commands: COMMANDS, isRefusal: isRegistryError },
  process.argv.slice(2),
);
