import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage } from '../index.js';
import { openDatabase } from '../sqlite/database.js';
import type { AuditRecord, Storage } from '../types.js';
import { auditHash, GENESIS_HASH } from './audit-store.js';

const opened: { close(): unknown }[] = [];

afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

async function open(dir?: string): Promise<{ dir: string; storage: Storage }> {
  const dataDir = dir ?? (await makeTempDir('cunmen-audit-')).path;
  const storage = await openStorage(dataDir);
  opened.push(storage);
  return { dir: dataDir, storage };
}

/** What an attacker with write access to the file does: a raw connection, no registry code. */
function raw(dir: string): BetterSqlite3.Database {
  const db = new BetterSqlite3(join(dir, 'registry.db'));
  db.pragma('busy_timeout = 5000');
  opened.push(db);
  return db;
}

async function seed(storage: Storage, n: number): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(
      await storage.audit.append({
        actor: i % 2 ? 'alice' : 'operator',
        action: 'version.publish',
        subject: `@deqing/x@1.0.${i}`,
        detail: { n: i },
        ip: '10.0.0.1',
      }),
    );
  }
  return out;
}

type Row = {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  ip: string;
  prev_hash: string;
  hash: string;
};

/** A row whose hash is right for the prev_hash it claims: a forger who knows the hashing rule. */
function forged(seq: number, prevHash: string, subject: string): Row {
  const row = {
    seq,
    at: new Date().toISOString(),
    actor: 'mallory',
    action: 'version.approve',
    subject,
    detail: {},
    ip: 'local',
  };
  return { ...row, detail: '{}', prev_hash: prevHash, hash: auditHash(prevHash, row) };
}

function insertRow(db: BetterSqlite3.Database, row: Row): void {
  db.prepare(
    `insert into audit_log (seq, at, actor, action, subject, detail, ip, prev_hash, hash)
     values (@seq, @at, @actor, @action, @subject, @detail, @ip, @prev_hash, @hash)`,
  ).run(row);
}

describe('SqliteAuditLog', () => {
  it('chains each entry to the one before and verifies an untouched log', async () => {
    const { storage } = await open();
    expect(await storage.audit.verify()).toEqual({ ok: true, count: 0, head: GENESIS_HASH });
    const appended = await seed(storage, 3);
    const listed = await storage.audit.list();
    expect(listed).toEqual(appended);
    expect(listed.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(listed[0]?.prevHash).toBe(GENESIS_HASH);
    for (const [i, row] of listed.entries()) {
      if (i > 0) expect(row.prevHash).toBe(listed[i - 1]?.hash);
      expect(row.hash).toBe(auditHash(row.prevHash, row));
      expect(row.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(listed[1]).toMatchObject({
      actor: 'operator',
      action: 'version.publish',
      subject: '@deqing/x@1.0.2',
      detail: { n: 2 },
      ip: '10.0.0.1',
    });
    expect(await storage.audit.verify()).toEqual({ ok: true, count: 3, head: listed[2]?.hash });
  });

  it('defaults ip to local and stores detail as JSON would (dates as strings, no undefined)', async () => {
    const { storage } = await open();
    const at = new Date('2026-01-02T03:04:05.000Z');
    const rec = await storage.audit.append({
      actor: 'operator',
      action: 'token.revoke',
      subject: 'user:alice',
      detail: { when: at, gone: undefined, z: 1, a: [1, { y: 2, b: 3 }] } as Record<string, unknown>,
    });
    expect(rec.ip).toBe('local');
    expect(rec.detail).toEqual({ when: '2026-01-02T03:04:05.000Z', z: 1, a: [1, { y: 2, b: 3 }] });
    expect(await storage.audit.list()).toEqual([rec]);
    expect((await storage.audit.verify()).ok).toBe(true);
  });

  it('pages with after and limit', async () => {
    const { storage } = await open();
    await seed(storage, 5);
    expect((await storage.audit.list({ after: 2, limit: 2 })).map((r) => r.seq)).toEqual([3, 4]);
    expect((await storage.audit.list({ after: 5 })).map((r) => r.seq)).toEqual([]);
  });

  it('verifies a log longer than one page', async () => {
    const { storage } = await open();
    const rows = await seed(storage, 1205);
    expect(await storage.audit.verify()).toEqual({ ok: true, count: 1205, head: rows[1204]?.hash });
  });

  it('refuses a plain UPDATE or DELETE, through Kysely and through a raw connection', async () => {
    const { dir, storage } = await open();
    await seed(storage, 2);
    // Kysely as the registry's stores use it, on its own connection to the same file.
    const db = openDatabase(join(dir, 'registry.db'));
    opened.push({ close: () => db.destroy() });
    await expect(
      db.updateTable('audit_log').set({ actor: 'x' }).where('seq', '=', 1).execute(),
    ).rejects.toThrow('the audit log is append-only');
    await expect(db.deleteFrom('audit_log').where('seq', '=', 2).execute()).rejects.toThrow(
      'the audit log is append-only',
    );
    const attacker = raw(dir);
    expect(() => attacker.prepare("update audit_log set actor = 'x'").run()).toThrow(
      'the audit log is append-only',
    );
    expect(() => attacker.prepare('delete from audit_log').run()).toThrow('the audit log is append-only');
    // REPLACE deletes the conflicting row without firing delete triggers; it must be refused too.
    const first = (await storage.audit.list())[0] as AuditRecord;
    expect(() =>
      attacker
        .prepare(
          `insert or replace into audit_log (seq, at, actor, action, subject, detail, ip, prev_hash, hash)
           values (1, 'x', 'x', 'x', 'x', '{}', 'x', ?, 'x')`,
        )
        .run(first.prevHash),
    ).toThrow('the audit log is append-only');
    expect(() =>
      attacker
        .prepare(
          `replace into audit_log (seq, at, actor, action, subject, detail, ip, prev_hash, hash)
           values (99, 'x', 'x', 'x', 'x', '{}', 'x', ?, 'x')`,
        )
        .run(first.prevHash),
    ).toThrow('the audit log is append-only');
    expect(await storage.audit.list()).toHaveLength(2);
    expect((await storage.audit.verify()).ok).toBe(true);
  });

  it('finds a row edited behind the dropped trigger', async () => {
    const { dir, storage } = await open();
    const rows = await seed(storage, 4);
    const attacker = raw(dir);
    attacker.exec('drop trigger audit_log_no_update');
    attacker.prepare("update audit_log set subject = '@deqing/x@6.6.6' where seq = 2").run();
    expect(await storage.audit.verify()).toEqual({
      ok: false,
      count: 1,
      head: rows[0]?.hash,
      seq: 2,
      problem: 'row 2 was changed after it was written',
    });
  });

  it('finds an edited row whose own hash was recomputed, at the next row', async () => {
    const { dir, storage } = await open();
    const rows = await seed(storage, 4);
    const attacker = raw(dir);
    attacker.exec('drop trigger audit_log_no_update');
    const fake = forged(2, rows[0]?.hash as string, '@deqing/x@6.6.6');
    attacker
      .prepare('update audit_log set actor = ?, subject = ?, hash = ? where seq = 2')
      .run(
        fake.actor,
        fake.subject,
        auditHash(fake.prev_hash, { ...(rows[1] as AuditRecord), actor: fake.actor, subject: fake.subject }),
      );
    expect(await storage.audit.verify()).toMatchObject({
      ok: false,
      count: 2,
      seq: 3,
      problem: 'row 3 does not follow row 2',
    });
  });

  it('reports detail that is no longer JSON instead of throwing', async () => {
    const { dir, storage } = await open();
    await seed(storage, 3);
    const attacker = raw(dir);
    attacker.exec('drop trigger audit_log_no_update');
    attacker.prepare("update audit_log set detail = '{not json' where seq = 3").run();
    expect(await storage.audit.verify()).toMatchObject({
      ok: false,
      count: 2,
      seq: 3,
      problem: 'row 3 was changed after it was written',
    });
  });

  it('finds a deleted middle row and a deleted first row', async () => {
    const { dir, storage } = await open();
    const rows = await seed(storage, 5);
    const attacker = raw(dir);
    attacker.exec('drop trigger audit_log_no_delete');
    attacker.prepare('delete from audit_log where seq = 3').run();
    expect(await storage.audit.verify()).toEqual({
      ok: false,
      count: 2,
      head: rows[1]?.hash,
      seq: 3,
      problem: 'row 3 is missing (next is 4)',
    });
    attacker.prepare('delete from audit_log where seq = 1').run();
    expect(await storage.audit.verify()).toMatchObject({
      ok: false,
      count: 0,
      head: GENESIS_HASH,
      seq: 1,
      problem: 'row 1 is missing (next is 2)',
    });
  });

  it('finds re-ordered rows', async () => {
    const { dir, storage } = await open();
    await seed(storage, 4);
    const attacker = raw(dir);
    attacker.exec('drop trigger audit_log_no_update');
    // Swap rows 2 and 3 (through a free seq, as the primary key demands).
    attacker.exec(`update audit_log set seq = 100 where seq = 2;
      update audit_log set seq = 2 where seq = 3;
      update audit_log set seq = 3 where seq = 100;`);
    expect(await storage.audit.verify()).toMatchObject({
      ok: false,
      count: 1,
      seq: 2,
      problem: 'row 2 does not follow row 1',
    });
  });

  it('finds a row inserted in the middle, and one appended by hand at the end', async () => {
    const { dir, storage } = await open();
    const rows = await seed(storage, 4);
    const attacker = raw(dir);
    attacker.exec('drop trigger audit_log_no_update');
    // Make room after row 2, then insert a well-hashed row that claims to follow a made-up head.
    attacker.exec(
      'update audit_log set seq = seq + 10 where seq > 2; update audit_log set seq = seq - 9 where seq > 10;',
    );
    insertRow(attacker, forged(3, 'f'.repeat(64), '@deqing/x@6.6.6'));
    expect((await storage.audit.list()).map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await storage.audit.verify()).toMatchObject({
      ok: false,
      count: 2,
      seq: 3,
      problem: 'row 3 does not follow row 2',
    });

    // A plain INSERT at the end needs no dropped trigger; one that reuses a taken prev_hash is refused,
    // and any other prev_hash breaks the chain.
    const { dir: dir2, storage: s2 } = await open();
    const rows2 = await seed(s2, 2);
    const other = raw(dir2);
    expect(() => insertRow(other, forged(3, rows2[0]?.hash as string, 'x'))).toThrow(
      'the audit log is append-only',
    );
    insertRow(other, forged(3, 'e'.repeat(64), 'x'));
    expect(await s2.audit.verify()).toMatchObject({ ok: false, count: 2, seq: 3 });
    expect(rows.length).toBe(4);
  });

  it('finds a row slipped in before the first one', async () => {
    const { dir, storage } = await open();
    await seed(storage, 2);
    insertRow(raw(dir), forged(0, 'd'.repeat(64), 'x'));
    expect(await storage.audit.verify()).toMatchObject({
      ok: false,
      count: 0,
      seq: 0,
      problem: 'row 0 comes before the first row of the chain',
    });
  });

  it('does not fork the chain when two storages on one data directory append at once', async () => {
    const { dir, storage: a } = await open();
    const { storage: b } = await open(dir);
    const write = (s: Storage, who: string) =>
      Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          s.audit.append({ actor: who, action: 'test.append', subject: `${who}-${i}` }),
        ),
      );
    const [fromA, fromB] = await Promise.all([write(a, 'a'), write(b, 'b')]);
    const seqs = [...fromA, ...fromB].map((r) => r.seq).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    const all = await a.audit.list();
    expect(all).toHaveLength(80);
    expect(new Set(all.map((r) => r.prevHash)).size).toBe(80);
    expect(await b.audit.verify()).toEqual({ ok: true, count: 80, head: all[79]?.hash });
  });

  it('waits for another process that holds the write lock instead of failing', async () => {
    const { dir, storage } = await open();
    await seed(storage, 1);
    const other = raw(dir);
    other.exec('create table scratch (x)');
    other.exec('begin immediate');
    other.prepare('insert into scratch values (1)').run();
    const release = setTimeout(() => other.exec('commit'), 300);
    const rec = await storage.audit.append({ actor: 'operator', action: 'test.wait', subject: 'x' });
    clearTimeout(release);
    if (other.inTransaction) other.exec('commit');
    expect(rec.seq).toBe(2);
    expect((await storage.audit.verify()).ok).toBe(true);
  });
});
