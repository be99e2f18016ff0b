#!/usr/bin/env node
/** `cunmen-registry`: the command table in `cli/index.ts`, run by `@cunmen/command-line`. */
import { runProgram } from '@cunmen/command-line';
import { COMMANDS } from './cli/index.js';
import { UsageError } from './commands.js';
import { RegistryError } from './errors.js';

runProgram(
  {
    name: 'cunmen-registry',
    commands: COMMANDS,
    isRefusal: (err) => err instanceof UsageError || err instanceof RegistryError,
  },
  process.argv.slice(2),
);
