/**
 * The hash-chained audit log in SQLite. `hash = sha256(prev_hash + "\n" + canonical JSON of the row)`;
 * the first row's prev_hash is 64 zeros. `prev_hash` is unique, so two writers racing for the same
 * place in the chain cannot fork it: the loser retries on the new head.
 *
 * The chain proves order and content, not completeness at the end: rows cut off the tail leave a
 * shorter chain that still verifies. Keep the head hash `audit verify` prints somewhere else (a
 * ticket, the operations log) to notice that.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@cunmen/manifest';
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditLog, AuditRecord, AuditVerification } from './types.js';

interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  subject: string;
  detail: string;
  ip: string;
  prev_hash: string;
  hash: string;
}

interface Database {
  audit_log: AuditLogTable;
}

export const GENESIS_HASH = '0'.repeat(64);

export function auditHash(prevHash: string, row: Omit<AuditRecord, 'prevHash' | 'hash'>): string {
  const body = canonicalJson({
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    detail: row.detail,
    ip: row.ip,
  });
  return createHash('sha256').update(`${prevHash}\n${body}`, 'utf8').digest('hex');
}

/** How long `append` keeps retrying while other connections hold the write lock. */
const APPEND_WAIT_MS = 10_000;
const VERIFY_PAGE = 1000;

function isLostRace(err: unknown): boolean {
  const code = String((err as { code?: unknown }).code ?? '');
  return (
    code.startsWith('SQLITE_BUSY') ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_TRIGGER'
  );
}

export class SqliteAuditLog implements AuditLog {
  private readonly db: Kysely<Database>;

  /** `db` is the service's own database; the log lives in its `audit_log` table (createAuditLogTable). */
  // biome-ignore lint/suspicious/noExplicitAny: any service database that holds an `audit_log` table
  constructor(db: Kysely<any>) {
    this.db = db as unknown as Kysely<Database>;
  }

  async append(entry: AuditEntry): Promise<AuditRecord> {
    // Store what JSON keeps (a Date becomes its ISO string, undefined members go), so the record this
    // returns is the one `list` reads back and `verify` rehashes.
    const detail = JSON.parse(JSON.stringify(entry.detail ?? {})) as Record<string, unknown>;
    const deadline = Date.now() + APPEND_WAIT_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const head = await trx
            .selectFrom('audit_log')
            .select(['seq', 'hash'])
            .orderBy('seq', 'desc')
            .limit(1)
            .executeTakeFirst();
          const row = {
            seq: (head?.seq ?? 0) + 1,
            at: new Date().toISOString(),
            actor: entry.actor,
            action: entry.action,
            subject: entry.subject,
            detail,
            ip: entry.ip ?? 'local',
          };
          const prevHash = head?.hash ?? GENESIS_HASH;
          const hash = auditHash(prevHash, row);
          await trx
            .insertInto('audit_log')
            .values({ ...row, detail: canonicalJson(row.detail), prev_hash: prevHash, hash })
            .execute();
          return { ...row, prevHash, hash };
        });
      } catch (err) {
        // Another connection wrote first: SQLite refuses our write at once (SQLITE_BUSY, or
        // SQLITE_BUSY_SNAPSHOT when our read of the head is stale) without waiting, since we already
        // hold a read transaction; or our seq/prev_hash was taken. Back off and retry on the new head.
        if (!isLostRace(err) || Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, Math.min(50, attempt * 2) * (0.5 + Math.random())));
      }
    }
  }

  async list(options: { after?: number; limit?: number } = {}): Promise<AuditRecord[]> {
    const rows = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', options.after ?? 0)
      .orderBy('seq')
      .limit(options.limit ?? 1000)
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: r.actor,
      action: r.action,
      subject: r.subject,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      ip: r.ip,
      prevHash: r.prev_hash,
      hash: r.hash,
    }));
  }

  async verify(): Promise<AuditVerification> {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let count = 0;
    const broken = (seq: number, problem: string): AuditVerification => ({
      ok: false,
      count,
      head: prev,
      problem,
      seq,
    });
    // Start below 1, so a row slipped in before the first one is seen too.
    let after = Number.MIN_SAFE_INTEGER;
    for (;;) {
      const page = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(VERIFY_PAGE)
        .execute();
      if (page.length === 0) break;
      for (const r of page) {
        if (r.seq < expectedSeq) return broken(r.seq, `row ${r.seq} comes before the first row of the chain`);
        if (r.seq !== expectedSeq) {
          return broken(expectedSeq, `row ${expectedSeq} is missing (next is ${r.seq})`);
        }
        if (r.prev_hash !== prev) return broken(r.seq, `row ${r.seq} does not follow row ${r.seq - 1}`);
        let detail: Record<string, unknown>;
        try {
          detail = JSON.parse(r.detail) as Record<string, unknown>;
        } catch {
          return broken(r.seq, `row ${r.seq} was changed after it was written`);
        }
        if (auditHash(prev, { ...r, detail }) !== r.hash) {
          return broken(r.seq, `row ${r.seq} was changed after it was written`);
        }
        prev = r.hash;
        expectedSeq += 1;
        count += 1;
        after = r.seq;
      }
    }
    return { ok: true, count, head: prev };
  }
}
