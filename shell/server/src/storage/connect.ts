/**
 * The two places the shell's database can be: the embedded SQLite file under the data directory, or a
 * PostgreSQL database (scale mode: several shell instances share it). Both give the same Kysely type;
 * nothing above this file knows which one it got, except through `dialectOf` (./dialect).
 */
import { openSqliteFile } from '@cunmen/sqlite';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './sql/schema.js';

export function openSqlite(file: string): Kysely<Database> {
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: openSqliteFile(file) }) });
}

/** Connections each instance keeps open at most (PostgreSQL's default max_connections is 100). */
const POOL_SIZE = 10;

export function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, application_name: 'cunmen-shell' });
  // A connection the server drops while idle (a failover, an administrator) is replaced on next use;
  // without a listener the pool's error event would end the process.
  pool.on('error', () => undefined);
  // pool.end() resolves before its connections have closed; close() waits for them, so a test that
  // stops its PostgreSQL server next does not hit a connection still saying goodbye.
  const closing = new Set<Promise<unknown>>();
  pool.on('connect', (client) => {
    const ended = new Promise((resolve) => client.once('end', resolve));
    closing.add(ended);
    void ended.then(() => closing.delete(ended));
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const destroy = db.destroy.bind(db);
  db.destroy = async () => {
    await destroy();
    await Promise.all(closing);
  };
  return db;
}

/** `postgres://` or `postgresql://`: the only database URLs the shell takes. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}
