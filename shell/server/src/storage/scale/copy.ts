/**
 * `migrate-to-scale`: copies the embedded shell database (every table: the shell's, the standard
 * modules' `<module>_*` tables, and every migration bookkeeping table) into an empty PostgreSQL
 * database, then checks each table's row count and content hash on both sides.
 *
 * Both sides are first brought to the latest schema by the shell's own migrations and the modules'
 * (so the target's tables, types and constraints are the ones the PostgreSQL code path creates), then
 * the bookkeeping rows the target's migrations just wrote are replaced by the source's, rows are
 * copied parents first in one transaction, and identity sequences are moved past the copied ids.
 * Given the bucket, the module blobs follow (blobs.ts).
 */
import { migrateModule, type ShellModule } from '@cunmen/module-api';
import type { ObjectStore } from '@cunmen/object-store';
import { type Kysely, sql } from 'kysely';
import { openStorage } from '../index.js';
import type { Storage } from '../types.js';
import { type BlobCopy, copyModuleBlobs } from './blobs.js';
import {
  copyOrder,
  parentsFirst,
  postgresColumns,
  type SourceTable,
  sqliteTables,
  toPostgres,
} from './tables.js';
import { compareTable, type TableCheck } from './verify.js';

/** The copy was refused before anything was written (the target is not empty, a table has no twin). */
export class ScaleMigrationRefused extends Error {
  override name = 'ScaleMigrationRefused';
}

export interface ScaleMigration {
  dataDir: string;
  databaseUrl: string;
  modules: readonly ShellModule[];
  /** The bucket of scale mode: the module blobs under `<data>/modules` go there too. */
  objects?: ObjectStore;
  /** Progress lines (one per table). */
  log?: (line: string) => void;
}

/** Migration bookkeeping (Kysely's tables for the shell, identity, households, drafts and each module). */
const isBookkeeping = (table: string) => /_migration(_lock)?$/.test(table);

/** PostgreSQL takes at most 65535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

async function openMigrated(
  dataDir: string,
  databaseUrl: string | undefined,
  modules: readonly ShellModule[],
) {
  const storage = await openStorage(dataDir, { databaseUrl });
  try {
    for (const m of modules) await migrateModule(m, { db: storage.modules.database });
  } catch (err) {
    await storage.close();
    throw err;
  }
  return storage;
}

async function refuseUnlessEmpty(target: Kysely<unknown>, tables: readonly SourceTable[]) {
  for (const t of tables) {
    if (isBookkeeping(t.name)) continue;
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(t.name)}`.execute(target);
    if (Number(rows[0]?.n ?? 0) > 0) {
      throw new ScaleMigrationRefused(
        `the PostgreSQL database already holds data (table ${t.name}): migrate into an empty database`,
      );
    }
  }
}

async function copyTable(
  source: Kysely<unknown>,
  trx: Kysely<unknown>,
  table: SourceTable,
  types: Map<string, string>,
) {
  const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(source);
  const ordered = parentsFirst(rows, table.selfKeys);
  const perStatement = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMETERS / table.columns.length)));
  for (let i = 0; i < ordered.length; i += perStatement) {
    const values = ordered
      .slice(i, i + perStatement)
      .map((r) =>
        Object.fromEntries(table.columns.map((c) => [c, toPostgres(r[c], types.get(c) ?? 'text')])),
      );
    // biome-ignore lint/suspicious/noExplicitAny: tables are named at run time
    await (trx as Kysely<any>).insertInto(table.name).values(values).execute();
  }
  return ordered.length;
}

/** Moves every identity/serial sequence past the largest copied id, so the next insert gets a new one. */
async function resetSequences(trx: Kysely<unknown>, table: string, columns: string[]) {
  for (const column of columns) {
    const { rows } = await sql<{
      seq: string | null;
    }>`select pg_get_serial_sequence(${table}, ${column}) as seq`.execute(trx);
    const seq = rows[0]?.seq;
    if (!seq) continue;
    await sql`select setval(${seq}, coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
      trx,
    );
  }
}

export async function migrateToScale(
  options: ScaleMigration,
): Promise<{ ok: boolean; checks: TableCheck[]; blobs: BlobCopy[] }> {
  const log = options.log ?? (() => undefined);
  let source: Storage | null = null;
  let target: Storage | null = null;
  try {
    source = await openMigrated(options.dataDir, undefined, options.modules);
    target = await openMigrated(options.dataDir, options.databaseUrl, options.modules);
    const from = source.modules.database as Kysely<unknown>;
    const to = target.modules.database as Kysely<unknown>;
    const tables = copyOrder(await sqliteTables(from));
    const columns = await postgresColumns(to);
    for (const t of tables) {
      const twin = columns.get(t.name);
      const missing = twin ? t.columns.filter((c) => !twin.has(c)) : [];
      if (!twin || missing.length > 0) {
        throw new ScaleMigrationRefused(
          twin
            ? `table ${t.name}: PostgreSQL has no column ${missing.join(', ')}`
            : `table ${t.name} has no counterpart in PostgreSQL (a module this shell does not mount?)`,
        );
      }
    }
    await refuseUnlessEmpty(to, tables);
    await to.transaction().execute(async (trx) => {
      for (const t of [...tables].reverse()) {
        if (isBookkeeping(t.name)) await trx.deleteFrom(t.name as never).execute();
      }
      for (const t of tables) {
        const count = await copyTable(from, trx, t, columns.get(t.name) ?? new Map());
        await resetSequences(trx, t.name, t.columns);
        log(`copied ${t.name}: ${count} rows`);
      }
    });
    const checks: TableCheck[] = [];
    for (const t of tables) {
      checks.push(await compareTable(from, to, t.name, t.columns, columns.get(t.name) ?? new Map()));
    }
    const blobs = options.objects ? await copyModuleBlobs(options.dataDir, options.objects) : [];
    if (options.objects) log(`copied ${blobs.length} module blobs`);
    return { ok: checks.every((c) => c.ok) && blobs.every((b) => b.ok), checks, blobs };
  } finally {
    await source?.close();
    await target?.close();
  }
}
