/**
 * The check after a copy: for every table, the row count and a content hash on both sides. The hash
 * is the SHA-256 of the table's rows, each reduced to one normal form (tables.ts `normalValue`) and
 * sorted, so neither the engines' row order nor their value types (a bigint read as a string, bytes as
 * a Buffer) can make equal tables differ, and any changed, missing or extra row does.
 */
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { normalValue } from './tables.js';

export interface TableCheck {
  table: string;
  rows: { sqlite: number; postgres: number };
  hash: { sqlite: string; postgres: string };
  ok: boolean;
}

async function tableHash(db: Kysely<unknown>, table: string, columns: string[], types: Map<string, string>) {
  const { rows } = await sql<Record<string, unknown>>`select ${sql.join(columns.map((c) => sql.ref(c)))}
    from ${sql.table(table)}`.execute(db);
  const lines = rows
    .map((r) => JSON.stringify(columns.map((c) => normalValue(r[c], types.get(c) ?? 'text'))))
    .sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(`${line}\n`);
  return { count: rows.length, hash: hash.digest('hex') };
}

export async function compareTable(
  source: Kysely<unknown>,
  target: Kysely<unknown>,
  table: string,
  columns: string[],
  types: Map<string, string>,
): Promise<TableCheck> {
  const a = await tableHash(source, table, columns, types);
  const b = await tableHash(target, table, columns, types);
  return {
    table,
    rows: { sqlite: a.count, postgres: b.count },
    hash: { sqlite: a.hash, postgres: b.hash },
    ok: a.count === b.count && a.hash === b.hash,
  };
}
