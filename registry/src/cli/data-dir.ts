/**
 * Where a command's data directory is when `--data` is not given: `$CUNMEN_REGISTRY_DATA`, else
 * `$CUNMEN_DATA/registry` — the layout `npm start` uses (`CUNMEN_DATA` is `<repo>/.data` there), so
 * `npm run registry -- review list` from the repository root reads the registry `npm start` runs.
 * `@cunmen/command-line` requires `--data`; the program adds it from the environment before it runs.
 */
import { resolve } from 'node:path';
import type { CliCommand } from '@cunmen/command-line';

/** How the `--data` line of every command's help ends. */
export const DATA_DEFAULT_HELP = '(default $CUNMEN_REGISTRY_DATA, else $CUNMEN_DATA/registry)';

export const DATA_REQUIRED = '--data <dir> is required (or set CUNMEN_DATA)';

/** The data directory the environment names, absolute, or undefined when it names none. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CUNMEN_REGISTRY_DATA) return resolve(env.CUNMEN_REGISTRY_DATA);
  if (env.CUNMEN_DATA) return resolve(env.CUNMEN_DATA, 'registry');
  return undefined;
}

export type DataResolution = { argv: string[] } | { error: string; help: string };

/**
 * `argv` with `--data <dir>` from the environment added when the command was given none; unchanged
 * for help, an unknown command or an explicit `--data`; the usage error when nothing names a directory.
 */
export function withDefaultData(
  argv: readonly string[],
  commands: readonly CliCommand[],
  env: NodeJS.ProcessEnv,
): DataResolution {
  const [first, second] = argv;
  const command =
    commands.find((c) => c.name === `${first} ${second}`) ?? commands.find((c) => c.name === first);
  if (!command) return { argv: [...argv] };
  const rest = argv.slice(command.name.split(' ').length);
  const end = rest.indexOf('--');
  const options = end === -1 ? rest : rest.slice(0, end);
  const given = (flag: string) => options.some((a) => a === flag || a.startsWith(`${flag}=`));
  if (given('--help') || options.includes('-h') || given('--data')) return { argv: [...argv] };
  const dir = dataDirFromEnv(env);
  if (dir === undefined) return { error: DATA_REQUIRED, help: command.help };
  return { argv: [...argv.slice(0, argv.length - rest.length), '--data', dir, ...rest] };
}
