#!/usr/bin/env node
/**
 * `cunmen-shell`: the command table in `cli/index.ts`, run by `@cunmen/command-line`. `--data` defaults to
 * `$CUNMEN_SHELL_DATA`, else `$CUNMEN_DATA/shell` — the layout `npm start` uses (`cli/data-default.ts`).
 */
import { runProgram } from '@cunmen/command-line';
import { SHELL_DATA_ENV } from './cli/data-default.js';
import { COMMANDS } from './cli/index.js';
import { describeShellRefusal } from './cli/refusal.js';
import { isShellError } from './errors.js';

runProgram(
  {
    name: 'cunmen-shell',
    commands: COMMANDS,
    isRefusal: isShellError,
    describeRefusal: describeShellRefusal,
    dataFromEnv: SHELL_DATA_ENV,
  },
  process.argv.slice(2),
);
