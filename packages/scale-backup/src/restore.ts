/**
 * Restores a scale backup into a new, empty database and an empty bucket. Everything is verified
 * before anything is written (the manifest, the service, every hash), the targets must be empty (a
 * restore never merges into live data), and afterwards the restored tables must fingerprint exactly as
 * the backup recorded them.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ObjectStore } from '@cunmen/object-store';
import pg from 'pg';
import { extract } from 'tar';
import {
  DUMP_FILE,
  FILES_DIR,
  MANIFEST_FILE,
  OBJECTS_DIR,
  SCALE_BACKUP_FORMAT,
  ScaleBackupError,
  type ScaleBackupManifest,
  type ScaleBackupSummary,
  scaleBackupManifestSchema,
} from './format.js';
import { hashFile } from './hashing.js';
import { runPgTool } from './pg-tools.js';
import { fingerprintDifference, fingerprintTables, listTables } from './tables.js';

export interface ScaleBackupTarget {
  service: string;
  databaseUrl: string;
  objects: ObjectStore;
  /** Where each backed-up file goes (an existing file must already hold the same bytes). */
  files?: Record<string, string>;
}

async function unpack(file: string, dir: string): Promise<ScaleBackupManifest> {
  try {
    // Only regular files and directories; tar strips `..` and absolute paths.
    await extract({
      file,
      cwd: dir,
      strict: true,
      filter: (_p, entry) => ['File', 'Directory'].includes((entry as { type?: string }).type ?? ''),
    });
  } catch (err) {
    throw new ScaleBackupError(`${file} is not a readable backup (.tar.gz): ${(err as Error).message}`);
  }
  const raw = await readFile(join(dir, MANIFEST_FILE), 'utf8').catch(() => {
    throw new ScaleBackupError(`${file} has no ${MANIFEST_FILE}: not a Cunmen scale backup`);
  });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ScaleBackupError(`${MANIFEST_FILE} in ${file} is not JSON`);
  }
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== SCALE_BACKUP_FORMAT) {
    throw new ScaleBackupError(
      `${file} is not a scale-mode backup (format ${JSON.stringify(format)}, expected ${SCALE_BACKUP_FORMAT})`,
    );
  }
  const parsed = scaleBackupManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ScaleBackupError(`${MANIFEST_FILE} in ${file}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

async function verifyContent(dir: string, m: ScaleBackupManifest): Promise<void> {
  const check = async (path: string, want: { sha256: string; bytes: number }, what: string) => {
    if (!existsSync(path)) throw new ScaleBackupError(`the backup lacks ${what}`);
    const got = await hashFile(path);
    if (got.sha256 !== want.sha256 || got.bytes !== want.bytes) {
      throw new ScaleBackupError(
        `${what} does not match its hash in ${MANIFEST_FILE}: the backup is damaged`,
      );
    }
  };
  await check(join(dir, DUMP_FILE), m.database, 'the database dump');
  for (const o of m.objects) await check(join(dir, OBJECTS_DIR, o.key), o, `object ${o.key}`);
  for (const f of m.files) await check(join(dir, FILES_DIR, f.name), f, `file ${f.name}`);
}

async function assertEmptyTargets(target: ScaleBackupTarget, m: ScaleBackupManifest, client: pg.Client) {
  const tables = await listTables(client);
  if (tables.length > 0) {
    throw new ScaleBackupError(
      `the database already has ${tables.length} table(s) (${tables.slice(0, 3).join(', ')}…): restore into a new, empty database`,
    );
  }
  for await (const o of target.objects.list()) {
    throw new ScaleBackupError(
      `the bucket is not empty (it holds ${o.key}): restore into a new, empty bucket`,
    );
  }
  for (const f of m.files) {
    const to = target.files?.[f.name];
    if (to === undefined) throw new ScaleBackupError(`no place was given for the backed-up file ${f.name}`);
    if (existsSync(to) && (await hashFile(to)).sha256 !== f.sha256) {
      throw new ScaleBackupError(
        `${to} exists with other content than the backup's ${f.name}; move it away first`,
      );
    }
  }
}

export async function restoreScaleBackup(
  file: string,
  target: ScaleBackupTarget,
): Promise<ScaleBackupSummary> {
  if (!existsSync(file)) throw new ScaleBackupError(`${file} does not exist`);
  const dir = await mkdtemp(join(tmpdir(), 'cunmen-scale-restore-'));
  const client = new pg.Client({ connectionString: target.databaseUrl });
  let connected = false;
  try {
    const m = await unpack(resolve(file), dir);
    if (m.service !== target.service) {
      throw new ScaleBackupError(`${file} is a backup of the ${m.service}, not of the ${target.service}`);
    }
    await verifyContent(dir, m);
    await client.connect().catch((err: Error) => {
      throw new ScaleBackupError(`cannot connect to the database: ${err.message}`);
    });
    connected = true;
    await assertEmptyTargets(target, m, client);
    await runPgTool('pg_restore', [
      ...['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction'],
      ...['--dbname', target.databaseUrl, join(dir, DUMP_FILE)],
    ]);
    const difference = fingerprintDifference(m.database.tables, await fingerprintTables(client));
    if (difference) throw new ScaleBackupError(`the restored database is not the backup's: ${difference}`);
    for (const o of m.objects) {
      const bytes = await readFile(join(dir, OBJECTS_DIR, o.key));
      await target.objects.put(o.key, bytes, o.contentType ? { contentType: o.contentType } : {});
    }
    for (const f of m.files) {
      const to = target.files?.[f.name] as string;
      if (existsSync(to)) continue;
      await mkdir(dirname(to), { recursive: true, mode: 0o700 });
      await writeFile(to, await readFile(join(dir, FILES_DIR, f.name)), { mode: 0o600 });
    }
    return {
      file: resolve(file),
      service: m.service,
      tables: m.database.tables.length,
      rows: m.database.tables.reduce((n, t) => n + t.rows, 0),
      objects: m.objects.length,
      bytes: m.database.bytes + [...m.objects, ...m.files].reduce((n, o) => n + o.bytes, 0),
    };
  } finally {
    if (connected) await client.end().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}
