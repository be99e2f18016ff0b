/**
 * Runs a program's command table: finds the command named by the first one or two words, parses its
 * options, and runs it. Usage errors exit 2 with the command's help; refused operations (errors the
 * program recognises) exit 1 with one line; anything else exits 1 as an unexpected error.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type CliCommand, type CliContext, CommandRefusal } from './command.js';

export interface Program {
  /** e.g. `cunmen-registry` */
  name: string;
  commands: readonly CliCommand[];
  /**
   * Errors that are a refusal of the operation, printed as one line (not "unexpected"), besides
   * {@link CommandRefusal}, which always is.
   */
  isRefusal?(err: unknown): boolean;
  /** How a refusal is printed after `<program>: ` (default: its message). */
  describeRefusal?(err: unknown): string;
  /**
   * Where `--data` comes from when it is not given: the environment variable `env`, else
   * `$CUNMEN_DATA/<subdir>` — the layout `npm start` uses, so `npm run registry -- review list` needs no
   * flag.
   */
  dataFromEnv?: { env: string; subdir: string };
}

/** The data directory named by the environment, if any (see {@link Program.dataFromEnv}). */
export function dataDirFromEnv(
  program: Pick<Program, 'dataFromEnv'>,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const from = program.dataFromEnv;
  if (!from) return undefined;
  const own = env[from.env];
  if (own) return resolve(own);
  return env.CUNMEN_DATA ? resolve(env.CUNMEN_DATA, from.subdir) : undefined;
}

export function mainHelp(program: Program): string {
  const width = Math.max(...program.commands.map((c) => c.name.length)) + 2;
  const lines = program.commands.map((c) => `  ${c.name.padEnd(width)} ${c.summary}`);
  return `Usage: ${program.name} <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "${program.name} <command> --help" for a command's options.\n`;
}

async function dispatch(program: Program, argv: string[]): Promise<void> {
  const usage = (message: string, help: string): never => {
    process.stderr.write(`${program.name}: ${message}\n\n${help}`);
    process.exit(2);
  };
  const [first, second] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(mainHelp(program));
    return;
  }
  const command =
    program.commands.find((c) => c.name === `${first} ${second}`) ??
    program.commands.find((c) => c.name === first);
  if (!command) return usage(`unknown command "${argv.slice(0, 2).join(' ')}"`, mainHelp(program));
  const rest = argv.slice(command.name.split(' ').length);

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: command.positionals !== undefined,
      options: { help: { type: 'boolean', short: 'h' }, data: { type: 'string' }, ...command.options },
    });
  } catch (err) {
    return usage((err as Error).message, command.help);
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
  const data = values.data ?? dataDirFromEnv(program);
  if (typeof data !== 'string' || data === '') {
    const hint = program.dataFromEnv ? ` (or set ${program.dataFromEnv.env} or CUNMEN_DATA)` : '';
    return usage(`--data <dir> is required${hint}`, command.help);
  }
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

/** Runs the program on `argv` (without node and the script) and exits on failure. */
export function runProgram(program: Program, argv: string[]): void {
  dispatch(program, argv).catch((err: unknown) => {
    if (err instanceof CommandRefusal || program.isRefusal?.(err)) {
      const text =
        program.describeRefusal && !(err instanceof CommandRefusal)
          ? program.describeRefusal(err)
          : (err as Error).message;
      process.stderr.write(`${program.name}: ${text}\n`);
      return process.exit(1);
    }
    process.stderr.write(`${program.name}: unexpected error: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
