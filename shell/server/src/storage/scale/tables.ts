/**
 * What `migrate-to-scale` reads about the tables on both sides: SQLite's tables and their foreign keys
 * (to copy parents first), PostgreSQL's column types (to convert values and to compare them), and one
 * normal form of a value that both engines' rows reduce to, so a table's content hash means the same
 * on either side.
 */
import { canonicalJson } from '@cunmen/manifest';
import { type Kysely, sql } from 'kysely';

export interface SourceTable {
  name: string;
  columns: string[];
  /** Tables this one points at (other than itself). */
  parents: string[];
  /** Foreign keys to itself: [child column, parent column], so rows are inserted parents first. */
  selfKeys: [string, string][];
}

export async function sqliteTables(db: Kysely<unknown>): Promise<SourceTable[]> {
  const { rows } = await sql<{ name: string }>`select name from sqlite_master
    where type = 'table' and name not like 'sqlite\\_%' escape '\\' order by name`.execute(db);
  const tables: SourceTable[] = [];
  for (const { name } of rows) {
    const columns = await sql<{
      name: string;
    }>`select name from pragma_table_info(${name}) order by cid`.execute(db);
    const keys = await sql<{ table: string; from: string; to: string | null }>`select "table", "from", "to"
      from pragma_foreign_key_list(${name})`.execute(db);
    tables.push({
      name,
      columns: columns.rows.map((c) => c.name),
      parents: [...new Set(keys.rows.filter((k) => k.table !== name).map((k) => k.table))],
      selfKeys: keys.rows.filter((k) => k.table === name).map((k) => [k.from, k.to ?? 'rowid']),
    });
  }
  return tables;
}

/** Parents before children; a cycle between tables (none in the shell) keeps the remaining order. */
export function copyOrder(tables: readonly SourceTable[]): SourceTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const order: SourceTable[] = [];
  const visit = (t: SourceTable, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const p of t.parents) {
      const parent = byName.get(p);
      if (parent) visit(parent, path);
    }
    done.add(t.name);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

/** Rows of a self-referencing table, each after the row it points at. */
export function parentsFirst(rows: Record<string, unknown>[], selfKeys: [string, string][]) {
  if (selfKeys.length === 0) return rows;
  const placed = new Set<string>();
  const key = (col: string, v: unknown) => `${col}\u0000${String(v)}`;
  const ready = (r: Record<string, unknown>) =>
    selfKeys.every(([from, to]) => r[from] === null || r[from] === r[to] || placed.has(key(to, r[from])));
  const out: Record<string, unknown>[] = [];
  let rest = rows;
  while (rest.length > 0) {
    const next = rest.filter((r) => !ready(r));
    const now = rest.filter(ready);
    // A row pointing at a missing parent: let the database refuse it rather than loop.
    const batch = now.length > 0 ? now : next;
    for (const r of batch) {
      out.push(r);
      for (const [, to] of selfKeys) placed.add(key(to, r[to]));
    }
    rest = now.length > 0 ? next : [];
  }
  return out;
}

/** PostgreSQL column → its `data_type` (`integer`, `text`, `bytea`, `jsonb`, `boolean`, …). */
export async function postgresColumns(db: Kysely<unknown>): Promise<Map<string, Map<string, string>>> {
  const { rows } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema()`.execute(db);
  const tables = new Map<string, Map<string, string>>();
  for (const r of rows) {
    const cols = tables.get(r.table_name) ?? new Map<string, string>();
    cols.set(r.column_name, r.data_type);
    tables.set(r.table_name, cols);
  }
  return tables;
}

const NUMERIC = /^(smallint|integer|bigint|numeric|real|double precision)$/;

/** A SQLite value as the PostgreSQL column of `type` takes it. */
export function toPostgres(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return Boolean(value);
  if (type === 'bytea') return Buffer.isBuffer(value) ? value : Buffer.from(String(value));
  if ((type === 'text' || type.startsWith('character')) && typeof value !== 'string') {
    return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  }
  return value;
}

/** One value in the form both sides agree on, whichever engine it was read from. */
export function normalValue(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bytea' || Buffer.isBuffer(value) || value instanceof Uint8Array) {
    return `x:${Buffer.from(value as Uint8Array).toString('hex')}`;
  }
  if (type === 'boolean') return value === true || value === 1 || value === '1' || value === 't';
  if (NUMERIC.test(type)) return Number(value);
  if (type === 'json' || type === 'jsonb') {
    return canonicalJson(typeof value === 'string' ? JSON.parse(value) : value);
  }
  if (value instanceof Date) return value.toISOString();
  if (type.startsWith('timestamp')) return new Date(String(value)).toISOString();
  return String(value);
}
