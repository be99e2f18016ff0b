#!/usr/bin/env node
/**
 * `cunmen-shell`: finds the command named by the first one or two words, parses its options, and runs
 * it. Usage errors exit 2 with the command's help; refused operations exit 1 with one line.
 */
import { parseArgs } from 'node:util';
import type { CliCommand, CliContext } from './cli/command.js';
import { COMMANDS } from './cli/index.js';
import { ShellError } from './errors.js';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`);
  return `Usage: cunmen-shell <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "cunmen-shell <command> --help" for a command's options.\n`;
}

function usage(message: string, help: string): never {
  process.stderr.write(`cunmen-shell: ${message}\n\n${help}`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(mainHelp());
    return;
  }
  const command: CliCommand | undefined =
    COMMANDS.find((c) => c.name === `${first} ${second}`) ?? COMMANDS.find((c) => c.name === first);
  if (!command) usage(`unknown command "${argv.slice(0, 2).join(' ')}"`, mainHelp());
  const rest = argv.slice(command.name.split(' ').length);

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: command.positionals !== undefined,
      options: { help: { type: 'boolean', short: 'h' }, data: { type: 'string' }, ...command.options },
    });
  } catch (err) {
    usage((err as Error).message, command.help);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(command.help);
    return;
  }
  if (command.positionals) {
    const { min, max, label } = command.positionals;
    if (positionals.length < min || positionals.length > max) usage(`give ${label}`, command.help);
  }
  const data = values.data;
  if (typeof data !== 'string' || data === '') usage('--data is required', command.help);
  const ctx: CliContext = {
    dataDir: data,
    values,
    positionals,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    fail: (message) => usage(message, command.help),
  };
  await command.run(ctx);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ShellError) {
    const zh = err.detail.zh && err.detail.zh !== err.message ? `\n${err.detail.zh}` : '';
    process.stderr.write(`cunmen-shell: ${err.message} (${err.code})${zh}\n`);
    process.exit(1);
  }
  process.stderr.write(`cunmen-shell: unexpected error: ${(err as Error).message}\n`);
  process.exit(1);
});
