/**
 * The audit log in PostgreSQL, shared by every instance of a service. An append takes a transaction-
 * scoped advisory lock first, so appends from all instances queue for the head one at a time and the
 * chain stays one line (READ COMMITTED alone would let two transactions read the same head; the unique
 * prev_hash would then refuse one of them).
 */
import { sql } from 'kysely';
import { ChainedAuditLog } from './chain.js';
import type { AuditEntry, AuditRecord } from './types.js';

/** The advisory lock key of the chain's head (any fixed number; one per database). */
export const AUDIT_APPEND_LOCK = 7_401_015;

export class PostgresAuditLog extends ChainedAuditLog {
  append(entry: AuditEntry): Promise<AuditRecord> {
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`.execute(trx);
      return this.appendIn(trx, entry);
    });
  }
}
