/**
 * Backup and restore of the embedded store: one `.tar.gz` holding `backup.json` (the manifest),
 * `registry.db` (a consistent SQLite snapshot) and every blob under `blobs/sha256/<ab>/<sha256>`.
 *
 * Backup works while the server runs: `VACUUM INTO` copies the database inside one read transaction
 * (WAL lets the server keep writing meanwhile), and the blobs are listed after the snapshot. Blobs are
 * written before the rows that name them commit and are never changed or removed, so every blob the
 * snapshot refers to is already on disk (a blob written later is at most an orphan).
 *
 * The province signing key (`keys/`) goes in too, so a restored registry signs with the key the shells
 * trust: the backup file is therefore as secret as that key (it is written readable by its owner only).
 *
 * Restore changes nothing until everything checked out: it extracts into a temporary directory next to
 * the target, checks every hash against the manifest, opens the database (migrating it when it is
 * older), verifies the audit log, syncs the files, and only then renames the directory into place.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  lstat,
  mkdir,
  mkdtemp,
  open,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { create, extract, type ReadEntry } from 'tar';
import { z } from 'zod';
import { openStorage } from '../storage/index.js';
import { MIGRATIONS } from '../storage/migrations/index.js';
import { SqliteAuditLog } from '../storage/sqlite/audit-store.js';
import type { Database } from '../storage/sqlite/schema.js';
import type { AuditVerification } from '../storage/types.js';

export const BACKUP_FORMAT = 'cunmen-registry-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const MANIFEST_FILE = 'backup.json';
export const DB_FILE = 'registry.db';

/** A refused backup or restore: the message says what and why, and nothing was changed. */
export class BackupError extends Error {}

const SHA256 = /^[0-9a-f]{64}$/;
/** A file of the signing key directory (`keys/province-ed25519.key`, `.pub`). */
const KEY_PATH = /^keys\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const sha256Schema = z.string().regex(SHA256);
const countSchema = z.number().int().nonnegative();

const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  database: z.object({ path: z.literal(DB_FILE), sha256: sha256Schema, size: countSchema }),
  migrations: z.array(z.string()),
  counts: z.object({
    users: countSchema,
    packages: countSchema,
    versions: countSchema,
    blobs: countSchema,
    auditEntries: countSchema,
  }),
  audit: z.object({ ok: z.boolean(), count: countSchema, head: sha256Schema }),
  blobs: z.array(z.object({ sha256: sha256Schema, size: countSchema })),
  keys: z.array(z.object({ path: z.string().regex(KEY_PATH), sha256: sha256Schema, size: countSchema })),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  /** Entries of the data directory a backup does not know, and so did not include. */
  skipped: string[];
}

/** What a data directory holds; a backup takes the database, the blobs and the keys. */
const KNOWN_ENTRIES = new Set([
  DB_FILE,
  `${DB_FILE}-wal`,
  `${DB_FILE}-shm`,
  `${DB_FILE}-journal`,
  'blobs',
  'keys',
]);

export interface RestoreResult {
  dataDir: string;
  manifest: BackupManifest;
  audit: AuditVerification;
  /** With `force`, where the data directory that was replaced now is. */
  replacedDir: string | null;
}

function hashFile(path: string): Promise<{ sha256: string; size: number }> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    let size = 0;
    createReadStream(path)
      .on('data', (chunk) => {
        hash.update(chunk);
        size += chunk.length;
      })
      .on('error', reject)
      .on('end', () => resolvePromise({ sha256: hash.digest('hex'), size }));
  });
}

/** The blob files under `<root>/sha256/<ab>/`, by digest (temporary `.tmp-…` files are skipped). */
async function listBlobFiles(root: string): Promise<string[]> {
  const base = join(root, 'sha256');
  if (!existsSync(base)) return [];
  const out: string[] = [];
  for (const prefix of (await readdir(base)).sort()) {
    const dir = join(base, prefix);
    if (!(await stat(dir)).isDirectory()) continue;
    for (const name of (await readdir(dir)).sort()) {
      if (SHA256.test(name) && name.startsWith(prefix)) out.push(name);
    }
  }
  return out;
}

/** The files of `<dataDir>/keys/` (a key being written, `*.tmp`, is skipped). */
async function listKeyFiles(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'keys');
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = `keys/${e.name}`;
    if (e.isFile() && KEY_PATH.test(path) && !e.name.endsWith('.tmp')) out.push(path);
  }
  return out.sort();
}

function blobPath(root: string, sha256: string): string {
  return join(root, 'sha256', sha256.slice(0, 2), sha256);
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Counts, applied migrations, blob digests and the audit state of a database file. */
async function inspectDatabase(file: string) {
  const database = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  try {
    const tables = new Set(
      (
        database.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
      ).map((r) => r.name),
    );
    const count = (table: string): number =>
      tables.has(table)
        ? Number((database.prepare(`select count(*) as n from "${table}"`).get() as { n: number }).n)
        : 0;
    const migrations = tables.has('kysely_migration')
      ? (database.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
          (r) => r.name,
        )
      : [];
    const referencedBlobs = tables.has('blobs')
      ? (database.prepare('select sha256 from blobs').all() as { sha256: string }[]).map((r) => r.sha256)
      : [];
    const audit: AuditVerification = tables.has('audit_log')
      ? await new SqliteAuditLog(db).verify()
      : { ok: true, count: 0, head: '0'.repeat(64) };
    return {
      counts: {
        users: count('users'),
        packages: count('packages'),
        versions: count('versions'),
        auditEntries: count('audit_log'),
      },
      migrations,
      referencedBlobs,
      audit,
    };
  } finally {
    await db.destroy();
  }
}

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

const ALLOWED_ENTRY =
  /^(?:backup\.json|registry\.db|keys\/?|keys\/[A-Za-z0-9_-][A-Za-z0-9._-]*|blobs\/?|blobs\/sha256\/?|blobs\/sha256\/[0-9a-f]{2}\/?|blobs\/sha256\/([0-9a-f]{2})\/\1[0-9a-f]{62})$/;

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

async function syncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await syncTree(path);
    else if (entry.isFile()) await fsyncPath(path);
  }
  await fsyncPath(dir);
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
  const unknown = manifest.migrations.filter((m) => !(m in MIGRATIONS));
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
      await storage.meta.close();
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
