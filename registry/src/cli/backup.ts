/** `cunmen-registry backup <file>` and `restore <file>`. */

import { type CliCommand, CommandRefusal } from '@cunmen/command-line';
import { BackupError, createBackup, restoreBackup } from '../services/backup/index.js';
import { DATA_DEFAULT_HELP } from './data-dir.js';
import { describeSummary, scaleBackup, scaleRestore } from './scale-backup.js';
import { operatorInScaleMode } from './storage.js';

/** A refused backup or restore exits 1 with its one-line message. */
async function refusals<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof BackupError) throw new CommandRefusal(err.message);
    throw err;
  }
}

export const backupCommands: CliCommand[] = [
  {
    name: 'backup',
    summary: 'write a backup of the data directory to a .tar.gz',
    help: `Usage: cunmen-registry backup <file.tar.gz> [--data <dir>]

Writes one .tar.gz with a consistent snapshot of registry.db, every blob, the signing key (keys/)
and backup.json (format version, time, counts, the sha256 of the snapshot, of each blob and key file).
Safe while the server runs. Never overwrites an existing file. The file holds the province's private
signing key and is readable by its owner only: keep it like the key.

In scale mode ($REGISTRY_DATABASE_URL or $DATABASE_URL, and $CUNMEN_S3_ENDPOINT, as the servers have
them) it writes the database (pg_dump of one snapshot, with each table's row count and hash read in that
snapshot), every object of the bucket and the signing key instead. pg_dump of the server's major
version must be on PATH (or in $PG_BIN). Safe while the instances run.
  --data    data directory ${DATA_DEFAULT_HELP}
`,
    positionals: { min: 1, max: 1, label: 'exactly one backup file name' },
    async run(ctx) {
      if (operatorInScaleMode()) {
        const s = await scaleBackup(ctx.dataDir, ctx.positionals[0] as string);
        ctx.out(`backed up the registry's ${describeSummary(s)} and the signing key to ${s.file}\n`);
        return;
      }
      const { file, bytes, manifest, skipped } = await refusals(() =>
        createBackup(ctx.dataDir, ctx.positionals[0] as string),
      );
      const c = manifest.counts;
      ctx.out(
        `backed up ${c.users} users, ${c.packages} packages, ${c.versions} versions, ${c.blobs} blobs and ` +
          `${c.auditEntries} audit entries to ${file} (${bytes} bytes)\n`,
      );
      if (skipped.length > 0)
        ctx.err(`warning: not backed up (unknown to this registry): ${skipped.join(', ')}\n`);
      if (!manifest.audit.ok) ctx.err('warning: the audit log of this data directory does not verify\n');
    },
  },
  {
    name: 'restore',
    summary: 'restore a backup into a data directory',
    help: `Usage: cunmen-registry restore <file.tar.gz> [--data <dir>] [--force]

Checks the backup (every sha256 in backup.json, the database, the audit log) in a temporary directory
next to <dir>, then renames it into place; a refused or failed restore changes nothing. Stop the
server before restoring over its directory.
  --data    the data directory to create (it must not exist or be empty)
            ${DATA_DEFAULT_HELP}
  --force   replace a data directory that already holds a registry; the old one is moved aside

In scale mode (the environment of \`backup\`) it restores a scale-mode backup into the database and
bucket the environment names, which must both be empty (a new database, a new bucket), verifies every
hash first and every table's rows and content after, and writes the signing key where the servers read
it when it is not there yet. Start the instances afterwards.
`,
    options: { force: { type: 'boolean' } },
    positionals: { min: 1, max: 1, label: 'exactly one backup file' },
    async run(ctx) {
      if (operatorInScaleMode()) {
        const s = await scaleRestore(ctx.dataDir, ctx.positionals[0] as string);
        ctx.out(`restored the registry's ${describeSummary(s)} from ${s.file}\n`);
        return;
      }
      const { dataDir, manifest, audit, replacedDir } = await refusals(() =>
        restoreBackup(ctx.positionals[0] as string, ctx.dataDir, { force: ctx.values.force === true }),
      );
      const c = manifest.counts;
      ctx.out(
        `restored ${c.users} users, ${c.packages} packages, ${c.versions} versions, ${c.blobs} blobs and ` +
          `${c.auditEntries} audit entries into ${dataDir}\n`,
      );
      ctx.out(
        audit.ok
          ? `audit log intact: ${audit.count} entries, head ${audit.head}\n`
          : `audit log broken at entry ${audit.seq}: ${audit.problem} (as it was when backed up)\n`,
      );
      if (replacedDir) ctx.err(`the previous data directory was moved to ${replacedDir}\n`);
    },
  },
];
