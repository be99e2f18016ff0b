/** `cunmen-registry migrate-to-scale`: the embedded registry into PostgreSQL + S3, verified. */

import { type CliCommand, CommandRefusal } from '@cunmen/command-line';
import { migrateToScale } from '../services/scale/migrate-to-scale.js';
import { DATA_DEFAULT_HELP } from './data-dir.js';
import { SCALE_OPTIONS, scaleSetting } from './scale-options.js';

export const migrateCommands: CliCommand[] = [
  {
    name: 'migrate-to-scale',
    summary: 'copy the embedded registry into PostgreSQL and a bucket, and verify the copy',
    help: `Usage: cunmen-registry migrate-to-scale --database-url <url> [--data <dir>] [--s3-endpoint <url>] [--s3-bucket <name>]

Copies every table of <data>/registry.db into an empty PostgreSQL database (one transaction) and every
blob of <data>/blobs into the bucket, then prints the row count of each table on both sides and the
sha256 of every blob as read back from the bucket. Exits 1 when anything differs. Stop the server
first; the data directory is only read. The uplink cache is not copied (it refills itself), and the
signing key stays a file: give <data>/keys/province-ed25519.key to every instance (--signing-key).
  --data          the embedded registry ${DATA_DEFAULT_HELP}
  --database-url  the empty target database (default $REGISTRY_DATABASE_URL, else $DATABASE_URL)
  --s3-endpoint, --s3-bucket  the target bucket (default $CUNMEN_S3_*; bucket cunmen-registry);
                  without them the blobs stay in <data>/blobs
`,
    options: SCALE_OPTIONS,
    async run(ctx) {
      const { storage } = scaleSetting(ctx.values, process.env);
      const databaseUrl =
        storage.databaseUrl ??
        ctx.fail('--database-url (or $REGISTRY_DATABASE_URL / $DATABASE_URL) names the target database');
      const report = await migrateToScale(ctx.dataDir, { ...storage, databaseUrl });
      ctx.out('table               source   target\n');
      for (const t of report.tables) {
        const mark = t.source === t.target ? '' : '   MISMATCH';
        ctx.out(
          `${t.table.padEnd(18)} ${String(t.source).padStart(7)}  ${String(t.target).padStart(7)}${mark}\n`,
        );
      }
      ctx.out(`blobs (sha256 as read back from the target): ${report.blobs.length}\n`);
      for (const b of report.blobs) {
        const state = b.targetSha256 === b.sha256 ? 'ok' : `MISMATCH (target ${b.targetSha256 ?? 'missing'})`;
        ctx.out(`${b.sha256} ${String(b.size).padStart(9)} ${state}\n`);
      }
      if (!report.ok)
        throw new CommandRefusal('the copy differs from the embedded registry (see MISMATCH above)');
      ctx.out('verified: every table has the same row count and every blob the same sha256\n');
    },
  },
];
