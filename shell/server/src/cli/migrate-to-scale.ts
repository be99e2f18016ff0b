/** `cunmen-shell migrate-to-scale`: the embedded database → PostgreSQL, verified table by table. */
import { CommandRefusal } from '@cunmen/command-line';
import { S3ObjectStore } from '@cunmen/object-store';
import { STANDARD_MODULES } from '../modules/standard.js';
import { migrateToScale, ScaleMigrationRefused } from '../storage/scale/copy.js';
import type { CliCommand, CliContext } from './command.js';
import { databaseUrl, s3Options } from './database.js';

export const migrateCommands: CliCommand[] = [
  {
    name: 'migrate-to-scale',
    summary: 'copy the embedded database into PostgreSQL and verify every table',
    help: `Usage: cunmen-shell migrate-to-scale --data <dir> --database-url <postgres url>

Copies <data>/shell.db — every table: portals and their history, drafts, accounts and sessions,
households, the host API's documents and media, the audit log, the standard modules' tables and every
migration's bookkeeping — into an empty PostgreSQL database, then compares each table's row count and
content hash on both sides. Prints one line per table; exits 1 naming each table that differs (or when
the target already holds data). Stop the shell first: writes made during the copy are not carried over.
With --s3-endpoint (or $CUNMEN_S3_ENDPOINT), the module blobs under <data>/modules (attachments,
photos, banners) are copied into the bucket too and each read back and hashed; without it they stay
in the data directory, which every instance must then share.
  --data <dir>                the embedded shell's data directory
`,
    async run(ctx: CliContext) {
      const url = databaseUrl(ctx);
      if (url === undefined) ctx.fail('--database-url is required (the PostgreSQL database to copy into)');
      const s3 = s3Options(ctx);
      const objects = s3 ? new S3ObjectStore(s3) : undefined;
      await objects?.ensureBucket();
      let result: Awaited<ReturnType<typeof migrateToScale>>;
      try {
        result = await migrateToScale({
          dataDir: ctx.dataDir,
          databaseUrl: url,
          modules: STANDARD_MODULES,
          ...(objects ? { objects } : {}),
          log: (line) => ctx.err(`${line}\n`),
        });
      } catch (err) {
        if (err instanceof ScaleMigrationRefused) throw new CommandRefusal(err.message);
        throw err;
      }
      for (const c of result.checks) {
        const rows =
          c.rows.sqlite === c.rows.postgres ? `${c.rows.sqlite}` : `${c.rows.sqlite} ≠ ${c.rows.postgres}`;
        ctx.out(
          `${c.ok ? 'ok      ' : 'MISMATCH'} ${c.table}  rows ${rows}  sha256 ${c.hash.postgres.slice(0, 16)}\n`,
        );
      }
      if (objects) {
        const good = result.blobs.filter((b) => b.ok).length;
        ctx.out(
          `${good === result.blobs.length ? 'ok      ' : 'MISMATCH'} module blobs  ${good} of ${result.blobs.length} verified\n`,
        );
      }
      const bad = [
        ...result.checks.filter((c) => !c.ok).map((c) => c.table),
        ...result.blobs.filter((b) => !b.ok).map((b) => b.key),
      ];
      if (bad.length > 0) {
        throw new CommandRefusal(`the copy differs from the embedded database in: ${bad.join(', ')}`);
      }
      const blobs = objects ? ` and ${result.blobs.length} module blobs` : '';
      ctx.out(`all ${result.checks.length} tables${blobs} copied and verified\n`);
    },
  },
];
