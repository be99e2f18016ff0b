/**
 * One command of a service's command line: its words (`user add`), its help text, its options and what
 * it does. Each command group lives in its own file and is listed once in the program's command table.
 */
import type { parseArgs } from 'node:util';

export type OptionSpec = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

export interface CliCommand {
  /** The command words, e.g. `user add`. */
  name: string;
  /** One line for the main help. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Options besides `--help` and `--data`, which every command takes. */
  options?: OptionSpec;
  /** How many positional arguments it takes (default none). */
  positionals?: { min: number; max: number; label: string };
  run(ctx: CliContext): Promise<void>;
}

export interface CliContext {
  dataDir: string;
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
  /** Prints to stdout. */
  out(text: string): void;
  /** Prints to stderr. */
  err(text: string): void;
  /** Reports a usage error for this command and exits 2. */
  fail(message: string): never;
}

/**
 * A refused operation that the program reports as one line and exit code 1 (a user name that exists,
 * a backup that does not verify): the command understood its input, the answer is no. Malformed input
 * is `ctx.fail` instead (exit 2, with the command's help).
 */
export class CommandRefusal extends Error {
  override name = 'CommandRefusal';
}

/** A string option's value, failing with a usage error when it is missing. */
export function requiredString(ctx: CliContext, key: string): string {
  const v = ctx.values[key];
  if (typeof v !== 'string' || v === '') ctx.fail(`--${key} is required`);
  return v;
}

export function optionalString(ctx: CliContext, key: string): string | undefined {
  const v = ctx.values[key];
  return typeof v === 'string' ? v : undefined;
}

/** Standard input as text, without its final newline (passwords are read this way, never from argv). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}
