/**
 * The hash chain the audit log keeps, on either back end. `hash = sha256(prev_hash + "\n" + canonical
 * JSON of the row)`; the first row's prev_hash is 64 zeros. `prev_hash` is unique, so two writers racing
 * for the same place in the chain cannot fork it. How an append waits for its place is the back end's
 * (sqlite-audit-log.ts retries, postgres-audit-log.ts locks); reading and verifying are shared here.
 *
 * The chain proves order and content, not completeness at the end: rows cut off the tail leave a
 * shorter chain that still verifies. Signed checkpoints of the head kept outside the database
 * (./checkpoint.ts, `audit verify --expect-head`) catch that.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@cunmen/manifest';
import type { Kysely } from 'kysely';
import type { AuditEntry, AuditLog, AuditRecord, AuditVerification } from './types.js';

export interface AuditLogTable {
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

export interface AuditDatabase {
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

const VERIFY_PAGE = 1000;

export abstract class ChainedAuditLog implements AuditLog {
  protected readonly db: Kysely<AuditDatabase>;

  /** `db` is the service's own database; the log lives in its `audit_log` table (createAuditLogTable). */
  // biome-ignore lint/suspicious/noExplicitAny: any service database that holds an `audit_log` table
  constructor(db: Kysely<any>) {
    this.db = db as unknown as Kysely<AuditDatabase>;
  }

  abstract append(entry: AuditEntry): Promise<AuditRecord>;

  /** Appends after the head `trx` reads; the caller makes sure no other writer moves it meanwhile. */
  protected async appendIn(trx: Kysely<AuditDatabase>, entry: AuditEntry): Promise<AuditRecord> {
    // Store what JSON keeps (a Date becomes its ISO string, undefined members go), so the record this
    // returns is the one `list` reads back and `verify` rehashes.
    const detail = JSON.parse(JSON.stringify(entry.detail ?? {})) as Record<string, unknown>;
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
    // Start below 1, so a row slipped in before the first one is seen too (the smallest 32-bit integer:
    // PostgreSQL refuses a parameter outside the column's type).
    let after = -2_147_483_648;
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
