/**
 * Where a command finds the shell's database: `--database-url`, else `$SHELL_DATABASE_URL`, else
 * `$DATABASE_URL` — a PostgreSQL URL (scale mode) — or, when none is set, `<data>/shell.db`. Every
 * command that opens the storage takes the option, so the admin commands reach the same database
 * as the running instances.
 */
import { openStorage } from '../storage/index.js';
import type { Storage } from '../storage/types.js';
import { type CliCommand, type CliContext, optionalString } from './command.js';

export const DATABASE_ENV = ['SHELL_DATABASE_URL', 'DATABASE_URL'] as const;

export const DATABASE_HELP = `  --database-url <url>        keep the shell's tables in this PostgreSQL database (scale mode: several
                              instances share it); default $SHELL_DATABASE_URL, else $DATABASE_URL,
                              else the SQLite file <data>/shell.db`;

/** The PostgreSQL URL the command was given (flag, then environment), or undefined for SQLite. */
export function databaseUrl(ctx: CliContext): string | undefined {
  const url =
    optionalString(ctx, 'database-url') ??
    DATABASE_ENV.map((name) => process.env[name]?.trim()).find((v) => v !== undefined && v !== '');
  if (url !== undefined && !/^postgres(ql)?:\/\/./.test(url)) {
    ctx.fail('--database-url (or SHELL_DATABASE_URL / DATABASE_URL) must be a postgres:// URL');
  }
  return url;
}

export function openCliStorage(ctx: CliContext): Promise<Storage> {
  return openStorage(ctx.dataDir, { databaseUrl: databaseUrl(ctx) });
}

/** The command with `--database-url` among its options and in its help. */
export function withDatabaseOption(command: CliCommand): CliCommand {
  if (command.options && 'database-url' in command.options) return command;
  return {
    ...command,
    options: { ...command.options, 'database-url': { type: 'string' } },
    help: `${command.help.replace(/\n*$/, '\n')}${DATABASE_HELP}\n`,
  };
}
