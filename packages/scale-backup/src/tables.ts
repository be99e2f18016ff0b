/**
 * Row counts and content hashes of every table of the `public` schema, read in the caller's transaction,
 * so a backup records exactly what its dump holds and a restore proves it got the same.
 */
import type pg from 'pg';
import type { TableFingerprint } from './format.js';

type Queryable = Pick<pg.ClientBase, 'query'>;

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function listTables(db: Queryable): Promise<string[]> {
  const r = await db.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return r.rows.map((row) => row.name);
}

export async function fingerprintTables(db: Queryable): Promise<TableFingerprint[]> {
  const out: TableFingerprint[] = [];
  for (const name of await listTables(db)) {
    const r = await db.query<{ rows: string; hash: string }>(
      `SELECT count(*)::text AS rows,
              md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS hash
         FROM public.${quote(name)} t`,
    );
    const row = r.rows[0] as { rows: string; hash: string };
    out.push({ name, rows: Number(row.rows), hash: row.hash });
  }
  return out;
}

/** The first difference between two fingerprints, in words, or null when they are equal. */
export function fingerprintDifference(
  expected: TableFingerprint[],
  actual: TableFingerprint[],
): string | null {
  const got = new Map(actual.map((t) => [t.name, t]));
  for (const want of expected) {
    const have = got.get(want.name);
    if (!have) return `table ${want.name} is missing`;
    if (have.rows !== want.rows) return `table ${want.name} has ${have.rows} rows, the backup ${want.rows}`;
    if (have.hash !== want.hash) return `table ${want.name} differs in content from the backup`;
    got.delete(want.name);
  }
  const extra = [...got.keys()][0];
  return extra === undefined ? null : `table ${extra} is not in the backup`;
}
