/** One contract for the audit log, run on SQLite and on PostgreSQL (one server for the file). */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './chain.js';
import { openAuditLog } from './migration.js';
import { PostgresAuditLog } from './postgres-audit-log.js';
import { SqliteAuditLog } from './sqlite-audit-log.js';
import { auditBackends } from './test-backends.js';

const { openSqlite, openPostgres } = auditBackends();

describe.each([
  ['sqlite', openSqlite, SqliteAuditLog],
  ['postgres', openPostgres, PostgresAuditLog],
] as const)('audit log on %s', (_name, open, kind) => {
  it('chains entries and verifies them', async () => {
    const { db } = await open();
    const log = openAuditLog(db);
    expect(log).toBeInstanceOf(kind);
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
      detail: { to: 1, 村: '仙潭' },
    });
    expect(b.prevHash).toBe(a.hash);
    expect(await log.verify()).toEqual({ ok: true, count: 2, head: b.hash });
    expect((await log.list()).map((r) => [r.seq, r.detail])).toEqual([
      [1, {}],
      [2, { to: 1, 村: '仙潭' }],
    ]);
    await db.destroy();
  });

  it('refuses UPDATE and DELETE, and finds an edit made behind the triggers', async () => {
    const { db, dropUpdateGuard } = await open();
    const log = openAuditLog(db);
    await log.append({ actor: 'zj', action: 'a', subject: 's' });
    await log.append({ actor: 'zj', action: 'b', subject: 's' });
    await expect(sql`update audit_log set actor = 'x' where seq = 1`.execute(db)).rejects.toThrow(
      'the audit log is append-only',
    );
    await expect(sql`delete from audit_log where seq = 1`.execute(db)).rejects.toThrow(
      'the audit log is append-only',
    );
    await dropUpdateGuard();
    await sql`update audit_log set actor = 'someone' where seq = 1`.execute(db);
    expect(await log.verify()).toMatchObject({
      ok: false,
      seq: 1,
      problem: 'row 1 was changed after it was written',
    });
    await db.destroy();
  });

  it('keeps one chain when two instances append at once', async () => {
    const { db, second } = await open();
    const other = second();
    const [a, b] = [openAuditLog(db), openAuditLog(other)];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).append({ actor: `u${i}`, action: 'x', subject: String(i) }),
      ),
    );
    const verified = await a.verify();
    expect(verified).toMatchObject({ ok: true, count: 40 });
    expect(new Set((await a.list()).map((r) => r.subject)).size).toBe(40);
    if (other !== db) await other.destroy();
    await db.destroy();
  });
});
