/**
 * Where `--data` comes from when it is not given: `$CUNMEN_SHELL_DATA`, else `$CUNMEN_DATA/shell` — the
 * layout `npm start` uses (`.data/shell`, which `npm run shell` points at). The shared command runner
 * requires `--data`, so the default is filled into the arguments before it runs; with neither flag nor
 * environment the program stops with a usage error naming both.
 */
import { join } from 'node:path';
import type { CliCommand } from './command.js';

export const DATA_ENV = 'CUNMEN_SHELL_DATA';
export const ROOT_DATA_ENV = 'CUNMEN_DATA';

export function defaultDataDir(env: NodeJS.ProcessEnv): string | undefined {
  const shell = env[DATA_ENV]?.trim();
  if (shell) return shell;
  const root = env[ROOT_DATA_ENV]?.trim();
  return root ? join(root, 'shell') : undefined;
}

const asksForHelp = (argv: readonly string[]) =>
  argv.length === 0 || argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help';

const hasData = (argv: readonly string[]) => argv.some((a) => a === '--data' || a.startsWith('--data='));

/** `argv` with `--data` filled in from the environment, or the usage error to print (exit 2). */
export function withDataDefault(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  commands: readonly CliCommand[],
): { argv: string[] } | { usage: string } {
  if (asksForHelp(argv) || hasData(argv)) return { argv: [...argv] };
  const [first, second] = argv;
  const command =
    commands.find((c) => c.name === `${first} ${second}`) ?? commands.find((c) => c.name === first);
  // An unknown command is the runner's to report.
  if (!command) return { argv: [...argv] };
  const dir = defaultDataDir(env);
  if (dir !== undefined) return { argv: [...argv, '--data', dir] };
  return {
    usage: `--data is required: pass --data <dir>, or set $${DATA_ENV} (or $${ROOT_DATA_ENV}, whose shell/ directory is used, as npm start lays it out)\n\n${command.help}`,
  };
}
