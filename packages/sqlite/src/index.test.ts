import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CACHED_STATEMENTS, openSqliteFile, preparedOnce } from './index.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cunmen-sqlite-'));
  dirs.push(dir);
  return join(dir, 'test.db');
};

describe('openSqliteFile', () => {
  it('opens the file durable, in WAL mode, with foreign keys and a write-lock wait', async () => {
    const file = scratch();
    const db = new Kysely<{ t: { id: number } }>({
      dialect: new SqliteDialect({ database: openSqliteFile(file) }),
    });
    const check = new BetterSqlite3(file);
    try {
      await db.schema
        .createTable('t')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .execute();
      expect(check.pragma('journal_mode', { simple: true })).toBe('wal');
      const on = await sql<{ synchronous: number; foreign_keys: number; timeout: number }>`
        select (select synchronous from pragma_synchronous) as synchronous,
               (select foreign_keys from pragma_foreign_keys) as foreign_keys,
               (select timeout from pragma_busy_timeout) as timeout`.execute(db);
      // 2 is FULL.
      expect(on.rows[0]).toEqual({ synchronous: 2, foreign_keys: 1, timeout: 5000 });
    } finally {
      check.close();
      await db.destroy();
    }
  });
});

describe('preparedOnce', () => {
  it('prepares a SQL text once, a fresh statement while the cached one is busy, and keeps a bound', () => {
    const raw = new BetterSqlite3(':memory:');
    const database = preparedOnce(raw);
    raw.exec('create table t (id integer); insert into t values (1), (2)');
    const first = database.prepare('select id from t');
    expect(database.prepare('select id from t')).toBe(first);
    const running = (first as unknown as BetterSqlite3.Statement).iterate();
    running.next();
    const meanwhile = database.prepare('select id from t');
    expect(meanwhile).not.toBe(first);
    running.return?.();
    expect(database.prepare('select id from t')).toBe(first);
    for (let i = 0; i < MAX_CACHED_STATEMENTS; i += 1) database.prepare(`select ${i}`);
    // The first text was the oldest and has left the cache.
    expect(database.prepare('select id from t')).not.toBe(first);
    database.close();
  });
});
