/**
 * The audit log in SQLite. An append reads the head and inserts after it in one transaction; a writer
 * that lost the race (another connection wrote first) is refused at once and retries on the new head.
 */
import { ChainedAuditLog } from './chain.js';
import type { AuditEntry, AuditRecord } from './types.js';

/** How long `append` keeps retrying while other connections hold the write lock. */
const APPEND_WAIT_MS = 10_000;

function isLostRace(err: unknown): boolean {
  const code = String((err as { code?: unknown }).code ?? '');
  return (
    code.startsWith('SQLITE_BUSY') ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_TRIGGER'
  );
}

export class SqliteAuditLog extends ChainedAuditLog {
  async append(entry: AuditEntry): Promise<AuditRecord> {
    const deadline = Date.now() + APPEND_WAIT_MS;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute((trx) => this.appendIn(trx, entry));
      } catch (err) {
        // Another connection wrote first: SQLite refuses our write at once (SQLITE_BUSY, or
        // SQLITE_BUSY_SNAPSHOT when our read of the head is stale) without waiting, since we already
        // hold a read transaction; or our seq/prev_hash was taken. Back off and retry on the new head.
        if (!isLostRace(err) || Date.now() > deadline) throw err;
        await new Promise((r) => setTimeout(r, Math.min(50, attempt * 2) * (0.5 + Math.random())));
      }
    }
  }
}
