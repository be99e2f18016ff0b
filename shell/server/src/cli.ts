#!/usr/bin/env node
/**
 * `cunmen-shell`: the command table in `cli/index.ts`, run by `@cunmen/command-line`, with `--data`
 * defaulting from the environment (`cli/data-default.ts`).
 */
import { runProgram } from '@cunmen/command-line';
import { withDataDefault } from './cli/data-default.js';
import { COMMANDS } from './cli/index.js';
import { describeShellRefusal } from './cli/refusal.js';
import { isShellError } from './errors.js';

const prepared = withDataDefault(process.argv.slice(2), process.env, COMMANDS);
if ('usage' in prepared) {
  process.stderr.write(`cunmen-shell: ${prepared.usage}`);
  process.exit(2);
}
runProgram(
  {
    name: 'cunmen-shell',
    commands: COMMANDS,
    isRefusal: isShellError,
    describeRefusal: describeShellRefusal,
  },
  prepared.argv,
);
