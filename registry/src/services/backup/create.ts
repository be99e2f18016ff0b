/**
 * Backup of a data directory, safe while the server runs: `VACUUM INTO` copies the database inside one
 * read transaction (WAL lets the server keep writing meanwhile), and the blobs are listed after the
 * snapshot. Blobs are written before the rows that name them commit and are never changed or removed,
 * so every blob the snapshot refers to is already on disk (a blob written later is at most an orphan).
 *
 * The province signing key (`keys/`) goes in too, so a restored registry signs with the key the shells
 * trust: the backup file is therefore as secret as that key (it is written readable by its owner only).
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { create } from 'tar';
import { blobPath, fsyncPath, hashFile, listBlobFiles, listKeyFiles } from './files.js';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  type BackupManifest,
  type BackupResult,
  DB_FILE,
  KNOWN_ENTRIES,
  MANIFEST_FILE,
} from './format.js';
import { inspectDatabase } from './inspect.js';

/**
 * Writes a backup of `dataDir` to `file` (a new `.tar.gz`; an existing file is never overwritten).
 * Safe while a server is running on the directory.
 */
export async function createBackup(dataDir: string, file: string): Promise<BackupResult> {
  const dbPath = join(dataDir, DB_FILE);
  if (!existsSync(dbPath))
    throw new BackupError(`${dataDir} is not a registry data directory (no ${DB_FILE})`);
  const target = resolve(file);
  if (existsSync(target)) throw new BackupError(`${file} already exists; give a new file name`);
  const outDir = dirname(target);
  if (!existsSync(outDir)) throw new BackupError(`the directory of ${file} does not exist`);

  const staging = await mkdtemp(join(outDir, `.${basename(target)}.staging-`));
  const partial = join(outDir, `.${basename(target)}.partial-${randomBytes(6).toString('hex')}`);
  try {
    // The snapshot: one read transaction, so it is consistent whatever the server writes meanwhile.
    const snapshot = join(staging, DB_FILE);
    const source = new BetterSqlite3(dbPath, { fileMustExist: true });
    try {
      source.pragma('busy_timeout = 5000');
      source.prepare('vacuum into ?').run(snapshot);
    } finally {
      source.close();
    }
    const db = await hashFile(snapshot);
    const info = await inspectDatabase(snapshot);

    // Blobs, listed after the snapshot: each one it refers to must be there, with the right bytes.
    const blobRoot = join(dataDir, 'blobs');
    const blobs: { sha256: string; size: number }[] = [];
    for (const name of await listBlobFiles(blobRoot)) {
      const got = await hashFile(blobPath(blobRoot, name));
      if (got.sha256 !== name) {
        throw new BackupError(
          `blob ${name} in ${dataDir} does not match its name: the data directory is damaged`,
        );
      }
      blobs.push(got);
    }
    const have = new Set(blobs.map((b) => b.sha256));
    const missing = info.referencedBlobs.filter((sha) => !have.has(sha));
    if (missing.length > 0) {
      throw new BackupError(
        `blob ${missing[0]} that the database refers to is missing from ${blobRoot}` +
          (missing.length > 1 ? ` (and ${missing.length - 1} more)` : ''),
      );
    }

    // The signing key: copied (it is small), readable by the owner only.
    const keys: { path: string; sha256: string; size: number }[] = [];
    const keyFiles = await listKeyFiles(dataDir);
    if (keyFiles.length > 0) await mkdir(join(staging, 'keys'), { mode: 0o700 });
    for (const path of keyFiles) {
      await copyFile(join(dataDir, path), join(staging, path));
      await chmod(join(staging, path), 0o600);
      keys.push({ path, ...(await hashFile(join(staging, path))) });
    }

    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      database: { path: DB_FILE, sha256: db.sha256, size: db.size },
      migrations: info.migrations,
      counts: { ...info.counts, blobs: blobs.length },
      audit: { ok: info.audit.ok, count: info.audit.count, head: info.audit.head },
      blobs,
      keys,
    };
    await writeFile(join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    // The blob entries are read through a link to the live blob directory (blobs are immutable), so
    // the backup needs no second copy of them on disk.
    if (blobs.length > 0) await symlink(resolve(blobRoot), join(staging, 'blobs'), 'dir');
    const entries = [
      MANIFEST_FILE,
      DB_FILE,
      ...keys.map((k) => k.path),
      ...blobs.map((b) => `blobs/sha256/${b.sha256.slice(0, 2)}/${b.sha256}`),
    ];
    await create({ gzip: true, file: partial, cwd: staging, portable: true, strict: true }, entries);
    await chmod(partial, 0o600);
    await fsyncPath(partial);
    await rename(partial, target);
    await fsyncPath(outDir);
    const skipped = (await readdir(dataDir)).filter((e) => !KNOWN_ENTRIES.has(e)).sort();
    return { file: target, bytes: (await stat(target)).size, manifest, skipped };
  } finally {
    await rm(partial, { force: true });
    await rm(staging, { recursive: true, force: true });
  }
}
