#!/usr/bin/env node
/**
 * `cunmen-shell`: the command table in `cli/index.ts`, run by `@cunmen/command-line`. `--data` defaults to
 * `$CUNMEN_SHELL_DATA`, else `$CUNMEN_DATA/shell`.
 */
import { runProgram } from '@cunmen/command-line';
import { COMMANDS } from './cli/index.js';
import { isShellError } from './errors.js';

runProgram(
  {
    name: 'cunmen-shell',
    commands: COMMANDS,
    isRefusal: isShellError,
    describeRefusal: (err) => {
      if (!isShellError(err)) return String(err);
      const zh = err.zh !== err.message ? `\n${err.zh}` : '';
      return `${err.message} (${err.code})${zh}`;
    },
    dataFromEnv: { env: 'CUNMEN_SHELL_DATA', subdir: 'shell' },
  },
  process.argv.slice(2),
);
