#!/usr/bin/env node
/** `cunmen-shell`: the command table in `cli/index.ts`, run by `@cunmen/command-line`. */
import { runProgram } from '@cunmen/command-line';
import { COMMANDS } from './cli/index.js';
import { ShellError } from './errors.js';

runProgram(
  {
    name: 'cunmen-shell',
    commands: COMMANDS,
    isRefusal: (err) => err instanceof ShellError,
    describeRefusal: (err) => {
      const e = err as ShellError;
      const zh = e.detail.zh && e.detail.zh !== e.message ? `\n${e.detail.zh}` : '';
      return `${e.message} (${e.code})${zh}`;
    },
  },
  process.argv.slice(2),
);
