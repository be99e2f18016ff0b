/**
 * Where a command finds the shell's database: `--database-url`, else `$SHELL_DATABASE_URL`, else
 * `$DATABASE_URL` — a PostgreSQL URL (scale mode) — or, when none is set, `<data>/shell.db`. Every
 * command that opens the storage takes the option, so the admin commands reach the same database
 * as the running instances.
 */
import { type S3ObjectStoreOptions, s3OptionsFrom } from '@cunmen/object-store';
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

export const S3_HELP = `  --s3-endpoint <url>         keep module blobs and banner photos in this S3-compatible object store
                              (path-style; default $CUNMEN_S3_ENDPOINT; credentials from
                              $CUNMEN_S3_ACCESS_KEY_ID / $CUNMEN_S3_SECRET_ACCESS_KEY)
  --s3-bucket <name>          the bucket (default $CUNMEN_S3_BUCKET, else cunmen-shell)`;

/** The object store the command was given (flags, then environment), or undefined for files. */
export function s3Options(ctx: CliContext): S3ObjectStoreOptions | undefined {
  return (
    s3OptionsFrom(
      { endpoint: optionalString(ctx, 's3-endpoint'), bucket: optionalString(ctx, 's3-bucket') },
      process.env,
      'cunmen-shell',
    ) ?? undefined
  );
}

export function openCliStorage(ctx: CliContext): Promise<Storage> {
  return openStorage(ctx.dataDir, { databaseUrl: databaseUrl(ctx), s3: s3Options(ctx) });
}

/** The command with `--database-url` among its options and in its help. */
export function withDatabaseOption(command: CliCommand): CliCommand {
  if (command.options && 'database-url' in command.options) return command;
  return {
    ...command,
    options: {
      ...command.options,
      'database-url': { type: 'string' },
      's3-endpoint': { type: 'string' },
      's3-bucket': { type: 'string' },
    },
    help: `${command.help.replace(/\n*$/, '\n')}${DATABASE_HELP}\n${S3_HELP}\n`,
  };
}
