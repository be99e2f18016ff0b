import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createAuditLogTable } from './migration.js';
import { GENESIS_HASH, SqliteAuditLog } from './sqlite-audit-log.js';

async function open() {
  const database = new BetterSqlite3(':memory:');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
  await createAuditLogTable(db);
  return { db, database, log: new SqliteAuditLog(db) };
}

describe('SqliteAuditLog', () => {
  it('chains entries and verifies them', async () => {
    const { log, db } = await open();
    expect(await log.verify()).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
    const a = await log.append({
      actor: 'zj',
      action: 'portal.save',
      subject: 'village:330521107201',
      ip: '10.0.0.1',
    });
    const b = await log.append({
      actor: 'zj',
      action: 'portal.rollback',
      subject: 'village:330521107201',
      detail: { to: 1 },
    });
    expect(b.prevHash).toBe(a.hash);
    expect(await log.verify()).toEqual({ ok: true, count: 2, head: b.hash });
    await db.destroy();
  });

  it('refuses UPDATE and DELETE, and finds an edit made behind the triggers', async () => {
    const { log, db, database } = await open();
    await log.append({ actor: 'zj', action: 'a', subject: 's' });
    await log.append({ actor: 'zj', action: 'b', subject: 's' });
    await expect(sql`update audit_log set actor = 'x' where seq = 1`.execute(db)).rejects.toThrow(
      'the audit log is append-only',
    );
    await expect(sql`delete from audit_log where seq = 1`.execute(db)).rejects.toThrow(
      'the audit log is append-only',
    );
    database.exec('drop trigger audit_log_no_update');
    database.prepare("update audit_log set actor = 'someone' where seq = 1").run();
    expect(await log.verify()).toMatchObject({
      ok: false,
      seq: 1,
      problem: 'row 1 was changed after it was written',
    });
    await db.destroy();
  });
});
