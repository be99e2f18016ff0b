/**
 * Restore changes nothing until everything checked out: it extracts into a temporary directory next to
 * the target, checks every hash against the manifest, opens the database (migrating it when it is
 * older), verifies the audit log, syncs the files, and only then renames the directory into place.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, lstat, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { extract, type ReadEntry } from 'tar';
import { openStorage } from '../../storage/index.js';
import { MIGRATION_NAMES } from '../../storage/migrations/index.js';
import type { AuditVerification } from '../../storage/types.js';
import { blobPath, fsyncPath, hashFile, listBlobFiles, syncTree } from './files.js';
import {
  ALLOWED_ENTRY,
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupManifest,
  DB_FILE,
  MANIFEST_FILE,
  manifestSchema,
  type RestoreResult,
} from './format.js';

/** What a data directory holds that a restore would replace. */
async function describeTarget(dataDir: string): Promise<'missing' | 'empty' | 'registry' | 'other'> {
  let entries: string[];
  try {
    if (!(await stat(dataDir)).isDirectory()) return 'other';
    entries = await readdir(dataDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw err;
  }
  if (entries.length === 0) return 'empty';
  return entries.includes(DB_FILE) ? 'registry' : 'other';
}

/** Checks the extracted files against the manifest; returns the manifest. */
async function checkExtracted(dir: string, file: string): Promise<BackupManifest> {
  const notBackup = (why: string) => new BackupError(`${file} is not a registry backup: ${why}`);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8'));
  } catch {
    throw notBackup(`it has no readable ${MANIFEST_FILE}`);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) throw notBackup(`${MANIFEST_FILE} is not a ${BACKUP_FORMAT} manifest`);
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${file} was made by a newer registry (backup format ${version}); this one reads format ${BACKUP_FORMAT_VERSION}`,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw notBackup(`${MANIFEST_FILE} is invalid at ${issue?.path.join('.') || '(top)'}: ${issue?.message}`);
  }
  const manifest = parsed.data;
  const unknown = manifest.migrations.filter((m) => !MIGRATION_NAMES.includes(m));
  if (unknown.length > 0) {
    throw new BackupError(
      `${file} was made by a newer registry (its database has migration ${unknown[0]}, unknown here)`,
    );
  }

  if (!existsSync(join(dir, DB_FILE))) throw notBackup(`it has no ${DB_FILE}`);
  const db = await hashFile(join(dir, DB_FILE));
  if (db.sha256 !== manifest.database.sha256 || db.size !== manifest.database.size) {
    throw new BackupError(`${DB_FILE} in ${file} does not match its sha256 in ${MANIFEST_FILE}`);
  }

  const blobRoot = join(dir, 'blobs');
  const listed = new Map(manifest.blobs.map((b) => [b.sha256, b.size]));
  const present = new Set(await listBlobFiles(blobRoot));
  for (const name of present) {
    if (!listed.has(name)) throw new BackupError(`blob ${name} in ${file} is not listed in ${MANIFEST_FILE}`);
  }
  for (const [sha, size] of listed) {
    if (!present.has(sha))
      throw new BackupError(`blob ${sha} listed in ${MANIFEST_FILE} is missing from ${file}`);
    const got = await hashFile(blobPath(blobRoot, sha));
    if (got.sha256 !== sha || got.size !== size) {
      throw new BackupError(`blob ${sha} in ${file} does not match its sha256 in ${MANIFEST_FILE}`);
    }
  }
  const keyRoot = join(dir, 'keys');
  const keyListed = new Map(manifest.keys.map((k) => [k.path, k]));
  for (const path of existsSync(keyRoot) ? (await readdir(keyRoot)).map((n) => `keys/${n}`) : []) {
    if (!keyListed.has(path)) throw new BackupError(`${path} in ${file} is not listed in ${MANIFEST_FILE}`);
  }
  for (const [path, k] of keyListed) {
    if (!existsSync(join(dir, path)))
      throw new BackupError(`${path} listed in ${MANIFEST_FILE} is missing from ${file}`);
    const got = await hashFile(join(dir, path));
    if (got.sha256 !== k.sha256 || got.size !== k.size) {
      throw new BackupError(`${path} in ${file} does not match its sha256 in ${MANIFEST_FILE}`);
    }
    await chmod(join(dir, path), 0o600);
  }
  if (existsSync(keyRoot)) await chmod(keyRoot, 0o700);
  return manifest;
}

export interface RestoreOptions {
  /** Replace a data directory that already holds a registry (it is moved aside, not deleted). */
  force?: boolean;
}

/** Restores `file` into `dataDir`; refuses, changing nothing, unless every check passes. */
export async function restoreBackup(
  file: string,
  dataDir: string,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const target = resolve(dataDir);
  const state = await describeTarget(target);
  if (state === 'registry' && !options.force) {
    throw new BackupError(
      `${dataDir} already holds a registry (${DB_FILE}); restore into a new directory, or pass --force to replace it`,
    );
  }
  if (state === 'other' && !options.force) {
    throw new BackupError(
      `${dataDir} is not empty; restore into a new or empty directory, or pass --force to replace it`,
    );
  }
  let fileStat: Awaited<ReturnType<typeof stat>>;
  try {
    fileStat = await stat(file);
  } catch {
    throw new BackupError(`${file} does not exist`);
  }
  if (!fileStat.isFile()) throw new BackupError(`${file} is not a file`);

  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const temp = await mkdtemp(join(parent, `.${basename(target)}.restore-`));
  let replacedDir: string | null = null;
  try {
    const unexpected: string[] = [];
    try {
      await extract({
        file,
        cwd: temp,
        strict: true,
        preserveOwner: false,
        filter: (path, entry) => {
          const type = (entry as ReadEntry).type;
          const ok = ALLOWED_ENTRY.test(path) && (type === 'File' || type === 'Directory');
          if (!ok) unexpected.push(path);
          return ok;
        },
      });
    } catch (err) {
      throw new BackupError(
        `${file} is not a registry backup: it is not a readable .tar.gz (${(err as Error).message})`,
      );
    }
    if (unexpected.length > 0) {
      throw new BackupError(`${file} is not a registry backup: unexpected entry ${unexpected[0]}`);
    }
    const manifest = await checkExtracted(temp, file);

    const check = new BetterSqlite3(join(temp, DB_FILE), { fileMustExist: true });
    try {
      const rows = check.pragma('integrity_check') as { integrity_check: string }[];
      const result = rows.map((r) => r.integrity_check).join('; ');
      if (result !== 'ok') throw new BackupError(`${DB_FILE} in ${file} is damaged: ${result}`);
    } finally {
      check.close();
    }
    // Open it as the server will (this applies newer migrations), then verify its audit log.
    const storage = await openStorage(temp);
    let audit: AuditVerification;
    try {
      audit = await storage.audit.verify();
    } finally {
      await storage.close();
    }
    if (
      audit.ok !== manifest.audit.ok ||
      audit.count !== manifest.audit.count ||
      audit.head !== manifest.audit.head
    ) {
      throw new BackupError(
        `the audit log in ${file} does not match ${MANIFEST_FILE}: ${
          audit.ok
            ? `${audit.count} entries, head ${audit.head}`
            : `broken at entry ${audit.seq}: ${audit.problem}`
        }`,
      );
    }
    // The manifest did its job; the data directory holds only what a server made.
    await rm(join(temp, MANIFEST_FILE));
    await syncTree(temp);

    if (state === 'registry' || state === 'other') {
      replacedDir = join(
        parent,
        `.${basename(target)}.replaced-${Date.now()}-${randomBytes(3).toString('hex')}`,
      );
      await rename(target, replacedDir);
      try {
        await rename(temp, target);
      } catch (err) {
        await rename(replacedDir, target);
        replacedDir = null;
        throw err;
      }
    } else {
      // rename(2) replaces an empty directory, so a missing or empty target is swapped in one step.
      await rename(temp, target);
    }
    await fsyncPath(parent);
    return { dataDir: target, manifest, audit, replacedDir };
  } finally {
    if ((await lstat(temp).catch(() => null)) !== null) await rm(temp, { recursive: true, force: true });
  }
}
