#!/usr/bin/env node
/**
 * `cunmen-registry`: the command table in `cli/index.ts`, run by `@cunmen/command-line`. A registry
 * error (a version that does not exist, a decision on one that is not pending) is a refusal: one line
 * with its code, exit 1. `--data` defaults to `$CUNMEN_REGISTRY_DATA`, else `$CUNMEN_DATA/registry`.
 */
import { runProgram } from '@cunmen/command-line';
import { REGISTRY_DATA_ENV } from './cli/data-dir.js';
import { COMMANDS } from './cli/index.js';
import { isRegistryError } from './errors.js';

runProgram(
  {
    name: 'cunmen-registry',
    commands: COMMANDS,
    isRefusal: isRegistryError,
    describeRefusal: (err) => (isRegistryError(err) ? `${err.message} (${err.code})` : String(err)),
    dataFromEnv: REGISTRY_DATA_ENV,
  },
  process.argv.slice(2),
);
