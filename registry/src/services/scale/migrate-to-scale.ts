/**
 * Copies an embedded registry (a data directory: SQLite + blob files) into scale mode (PostgreSQL and a
 * bucket), then proves the copy: the row count of every table on both sides, and every blob read back
 * from the target and hashed. The rows go in one transaction, so a failed copy leaves the database as
 * it was; the target database must hold no registry rows yet (a second run cannot duplicate anything).
 * The uplink cache is not copied: it refills itself from the uplink.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FileObjectStore, type ObjectStore, S3ObjectStore } from '@cunmen/object-store';
import type { Kysely } from 'kysely';
import { regError } from '../../errors.js';
import { blobKey, ObjectBlobStore } from '../../storage/blobs/object-blob-store.js';
import { postgresDialect } from '../../storage/dialect/postgres.js';
import type { ScaleStorageOptions } from '../../storage/index.js';
import { migratePostgres, openPostgres } from '../../storage/postgres/database.js';
import type { Database } from '../../storage/sql/schema.js';
import { migrateDatabase, openDatabase } from '../../storage/sqlite/database.js';

/** Every table of the registry's data, parents before children (foreign keys hold at each insert). */
export const COPIED_TABLES = [
  'users',
  'tokens',
  'packages',
  'blobs',
  'versions',
  'assets',
  'dist_tags',
  'web_logins',
  'audit_log',
  'catalog_entries',
  'catalog_fts',
  'portal_usage',
  'rate_limits',
] as const satisfies readonly (keyof Database)[];

/** Tables whose `id` the target generates from now on. */
const ID_TABLES = ['users', 'versions'] as const;
const BATCH = 200;

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface BlobCheck {
  sha256: string;
  size: number;
  /** sha256 of the bytes read back from the target; equal to `sha256` when the copy is good. */
  targetSha256: string | null;
}

export interface MigrationReport {
  tables: TableCount[];
  blobs: BlobCheck[];
  ok: boolean;
}

// biome-ignore lint/suspicious/noExplicitAny: rows are copied column for column, whatever the table
type AnyDb = Kysely<any>;

async function countRows(db: AnyDb, table: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function copyTable(source: AnyDb, target: AnyDb, table: string): Promise<void> {
  // Explicit columns: catalog_fts is an FTS5 table on SQLite, whose hidden columns must stay behind.
  const select =
    table === 'catalog_fts'
      ? source
          .selectFrom(table)
          .select(['package_name', 'name', 'title', 'description', 'keywords', 'category'])
      : source.selectFrom(table).selectAll();
  const rows = await select.execute();
  for (let i = 0; i < rows.length; i += BATCH) {
    await target
      .insertInto(table)
      .values(rows.slice(i, i + BATCH))
      .execute();
  }
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function copyBlobs(source: ObjectBlobStore, target: ObjectStore): Promise<BlobCheck[]> {
  const checks: BlobCheck[] = [];
  for await (const blob of source.list()) {
    const key = blobKey(blob.sha256);
    const bytes = await source.objects.get(key);
    if (bytes === null || sha256Of(bytes) !== blob.sha256) {
      // The source itself is damaged: report it, never copy bytes under a digest they do not have.
      checks.push({ sha256: blob.sha256, size: blob.size, targetSha256: bytes ? sha256Of(bytes) : null });
      continue;
    }
    if ((await target.head(key))?.size !== bytes.length) await target.put(key, bytes);
    const back = await target.get(key);
    checks.push({ sha256: blob.sha256, size: blob.size, targetSha256: back ? sha256Of(back) : null });
  }
  return checks.sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1));
}

/** Blobs the source database names that its blob directory lacks: reported as missing in the target. */
async function missingBlobs(source: AnyDb, listed: readonly BlobCheck[]): Promise<BlobCheck[]> {
  const have = new Set(listed.map((b) => b.sha256));
  const rows = (await source.selectFrom('blobs').select(['sha256', 'size']).execute()) as {
    sha256: string;
    size: number;
  }[];
  return rows.filter((r) => !have.has(r.sha256)).map((r) => ({ ...r, targetSha256: null }));
}

export async function migrateToScale(
  dataDir: string,
  scale: ScaleStorageOptions & { databaseUrl: string },
): Promise<MigrationReport> {
  const dbFile = join(dataDir, 'registry.db');
  if (!existsSync(dbFile)) {
    throw regError('REG_ERR_BAD_REQUEST', `${dataDir} is not a registry data directory (no registry.db)`);
  }
  const source = openDatabase(dbFile);
  const target = openPostgres(scale.databaseUrl);
  const bucket = scale.s3 ? new S3ObjectStore(scale.s3) : null;
  try {
    // Both at the latest schema, so the tables have the same columns.
    await migrateDatabase(source);
    await migratePostgres(target);
    for (const table of ['users', 'packages', 'audit_log'] as const) {
      if ((await countRows(target, table)) > 0) {
        throw regError(
          'REG_ERR_BAD_REQUEST',
          `the target database already holds registry data (${table} is not empty); give an empty database`,
        );
      }
    }
    await target.transaction().execute(async (trx) => {
      for (const table of COPIED_TABLES) await copyTable(source, trx, table);
      for (const table of ID_TABLES) await postgresDialect.syncIdSequence(trx, table);
    });
    if (bucket) await bucket.ensureBucket();
    const targetObjects: ObjectStore = bucket ?? new FileObjectStore(join(dataDir, 'blobs'));
    const sourceBlobs = new ObjectBlobStore(new FileObjectStore(join(dataDir, 'blobs')));
    const copied = await copyBlobs(sourceBlobs, targetObjects);
    const blobs = [...copied, ...(await missingBlobs(source, copied))];
    const tables: TableCount[] = [];
    for (const table of COPIED_TABLES) {
      tables.push({ table, source: await countRows(source, table), target: await countRows(target, table) });
    }
    const ok = tables.every((t) => t.source === t.target) && blobs.every((b) => b.targetSha256 === b.sha256);
    return { tables, blobs, ok };
  } finally {
    await source.destroy();
    await target.destroy();
    bucket?.destroy();
  }
}
