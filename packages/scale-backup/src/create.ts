/**
 * A scale-mode backup while the instances keep serving. The database first: one REPEATABLE READ
 * transaction exports its snapshot, the row counts and hashes are read in it and `pg_dump --snapshot`
 * dumps exactly that state, so the recorded fingerprint is the dump's. Then the bucket: objects are
 * written before the rows that name them commit and are never changed in place, so every object the
 * snapshot refers to is already there (one written later is at most an orphan in the backup).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ObjectStore } from '@cunmen/object-store';
import pg from 'pg';
import { create } from 'tar';
import {
  DUMP_FILE,
  FILES_DIR,
  MANIFEST_FILE,
  OBJECTS_DIR,
  SCALE_BACKUP_FORMAT,
  SCALE_BACKUP_VERSION,
  ScaleBackupError,
  type ScaleBackupManifest,
  type ScaleBackupSummary,
} from './format.js';
import { hashFile, writeHashed } from './hashing.js';
import { runPgTool } from './pg-tools.js';
import { fingerprintTables } from './tables.js';

export interface ScaleBackupSource {
  /** `registry` or `shell`. */
  service: string;
  databaseUrl: string;
  objects: ObjectStore;
  /** Files kept beside the data (the registry's signing key), by the name they get in the backup. */
  files?: { name: string; path: string }[];
}

async function dumpDatabase(databaseUrl: string, staging: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect().catch((err: Error) => {
    throw new ScaleBackupError(`cannot connect to the database: ${err.message}`);
  });
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]?.id;
    const tables = await fingerprintTables(client);
    const serverVersion = (await client.query<{ v: string }>('SHOW server_version')).rows[0]?.v ?? '';
    const file = join(staging, DUMP_FILE);
    await runPgTool('pg_dump', [
      ...['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`],
      ...['--file', file, '--dbname', databaseUrl],
    ]);
    await client.query('COMMIT');
    return { file, tables, serverVersion };
  } finally {
    await client.end();
  }
}

/** Writes the backup to `file` (a new `.tar.gz`, readable by its owner only); never overwrites. */
export async function createScaleBackup(
  source: ScaleBackupSource,
  file: string,
): Promise<ScaleBackupSummary> {
  const target = resolve(file);
  if (existsSync(target)) throw new ScaleBackupError(`${file} already exists; give a new file name`);
  if (!existsSync(dirname(target))) throw new ScaleBackupError(`the directory of ${file} does not exist`);
  for (const f of source.files ?? []) {
    if (!existsSync(f.path)) throw new ScaleBackupError(`${f.path} (${f.name}) does not exist`);
  }
  const staging = await mkdtemp(join(dirname(target), `.${basename(target)}.staging-`));
  const partial = join(dirname(target), `.${basename(target)}.partial-${randomBytes(6).toString('hex')}`);
  try {
    const dump = await dumpDatabase(source.databaseUrl, staging);
    const objects: ScaleBackupManifest['objects'] = [];
    for await (const listed of source.objects.list()) {
      // A listing carries no content type; the object's head does.
      const info = await source.objects.head(listed.key);
      const stream = info && (await source.objects.getStream(info.key));
      if (!info || !stream) continue; // removed since it was listed: nothing in the snapshot names it
      const hashed = await writeHashed(stream, join(staging, OBJECTS_DIR, info.key));
      objects.push({
        key: info.key,
        ...hashed,
        ...(info.contentType ? { contentType: info.contentType } : {}),
      });
    }
    const files: ScaleBackupManifest['files'] = [];
    for (const f of source.files ?? []) {
      const copy = join(staging, FILES_DIR, f.name);
      files.push({ name: f.name, ...(await writeHashed(createReadStream(f.path), copy)) });
    }
    const manifest: ScaleBackupManifest = {
      format: SCALE_BACKUP_FORMAT,
      version: SCALE_BACKUP_VERSION,
      service: source.service,
      createdAt: new Date().toISOString(),
      database: { ...(await hashFile(dump.file)), serverVersion: dump.serverVersion, tables: dump.tables },
      objects: objects.sort((a, b) => (a.key < b.key ? -1 : 1)),
      files,
    };
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const entries = [MANIFEST_FILE, DUMP_FILE];
    if (objects.length > 0) entries.push(OBJECTS_DIR);
    if (files.length > 0) entries.push(FILES_DIR);
    await create({ gzip: true, file: partial, cwd: staging, portable: true }, entries);
    await chmod(partial, 0o600);
    await rename(partial, target);
    const bytes = manifest.database.bytes + [...objects, ...files].reduce((n, o) => n + o.bytes, 0);
    return {
      file: target,
      service: source.service,
      tables: dump.tables.length,
      rows: dump.tables.reduce((n, t) => n + t.rows, 0),
      objects: objects.length,
      bytes,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}
