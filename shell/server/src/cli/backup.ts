/**
 * `cunmen-shell backup` and `restore` for scale mode: the shell's PostgreSQL database (portals, accounts,
 * households, the host store, the audit log, every module's tables) and its bucket (module blobs,
 * banners) in one verified file (@cunmen/scale-backup).
 */
import { CommandRefusal } from '@cunmen/command-line';
import { S3ObjectStore, type S3ObjectStoreOptions } from '@cunmen/object-store';
import {
  createScaleBackup,
  restoreScaleBackup,
  ScaleBackupError,
  type ScaleBackupSummary,
} from '@cunmen/scale-backup';
import type { CliCommand, CliContext } from './command.js';
import { databaseUrl, s3Options } from './database.js';

const EMBEDDED =
  'backup and restore here are for scale mode (give --database-url and --s3-endpoint, or their ' +
  'environment variables, as the instances have them); the embedded shell keeps everything in its ' +
  'data directory: stop it and archive that directory';

function scaleTargets(ctx: CliContext): { url: string; s3: S3ObjectStoreOptions } {
  const url = databaseUrl(ctx);
  const s3 = s3Options(ctx);
  if (url === undefined || s3 === undefined) throw new CommandRefusal(EMBEDDED);
  return { url, s3 };
}

async function withBucket<T>(
  s3: S3ObjectStoreOptions,
  fn: (bucket: S3ObjectStore) => Promise<T>,
): Promise<T> {
  const bucket = new S3ObjectStore(s3);
  try {
    return await fn(bucket);
  } catch (err) {
    if (err instanceof ScaleBackupError) throw new CommandRefusal(err.message);
    throw err;
  } finally {
    bucket.destroy();
  }
}

const describe = (s: ScaleBackupSummary) =>
  `${s.tables} tables (${s.rows} rows) and ${s.objects} objects (${s.bytes} bytes)`;

export const backupCommands: CliCommand[] = [
  {
    name: 'backup',
    summary: 'write a backup of the scale-mode database and bucket to a .tar.gz',
    help: `Usage: cunmen-shell backup <file.tar.gz> --database-url <url> --s3-endpoint <url>

Writes the shell's PostgreSQL database (pg_dump of one snapshot, each table's row count and content hash
read in that same snapshot) and every object of its bucket (module blobs, banners) into one .tar.gz,
readable by its owner only (it holds residents' personal data). Safe while the instances run. Never
overwrites a file. pg_dump of the server's major version must be on PATH (or in $PG_BIN).
`,
    positionals: { min: 1, max: 1, label: 'exactly one backup file name' },
    async run(ctx: CliContext) {
      const { url, s3 } = scaleTargets(ctx);
      const s = await withBucket(s3, (objects) =>
        createScaleBackup({ service: 'shell', databaseUrl: url, objects }, ctx.positionals[0] as string),
      );
      ctx.out(`backed up the shell's ${describe(s)} to ${s.file}\n`);
    },
  },
  {
    name: 'restore',
    summary: 'restore a scale-mode backup into a new database and bucket',
    help: `Usage: cunmen-shell restore <file.tar.gz> --database-url <url> --s3-endpoint <url>

Checks every hash of the backup first, then restores it into the database and bucket given, which must
both be empty (a new database, a new bucket: a restore never merges into live data), and compares every
table's rows and content with what the backup recorded. Start the instances on them afterwards.
`,
    positionals: { min: 1, max: 1, label: 'exactly one backup file' },
    async run(ctx: CliContext) {
      const { url, s3 } = scaleTargets(ctx);
      const s = await withBucket(s3, async (objects) => {
        await objects.ensureBucket();
        return restoreScaleBackup(ctx.positionals[0] as string, {
          service: 'shell',
          databaseUrl: url,
          objects,
        });
      });
      ctx.out(`restored the shell's ${describe(s)} from ${s.file}\n`);
    },
  },
];
