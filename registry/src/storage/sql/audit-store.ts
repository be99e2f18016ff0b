/**
 * The registry's audit log: the shared hash-chained log of `@cunmen/audit-log`, in the registry's own
 * database. Two writers racing for the next place in the chain cannot fork it (`prev_hash` is unique):
 * the loser's transaction fails and it retries on the new head. `SqliteAuditLog` retries SQLite's lost
 * races itself; on PostgreSQL the loss is a unique violation, retried here.
 */
import { SqliteAuditLog } from '@cunmen/audit-log';
import type { Kysely } from 'kysely';
import type { StorageDialect } from '../dialect/types.js';
import type { AuditEntry, AuditLog, AuditRecord } from '../types.js';

export { auditHash, GENESIS_HASH } from '@cunmen/audit-log';

const RETRY_FOR_MS = 30_000;

export function openAuditLog(db: Kysely<unknown>, dialect: StorageDialect): AuditLog {
  const log = new SqliteAuditLog(db);
  if (dialect.name === 'sqlite') return log;
  return {
    list: (options) => log.list(options),
    verify: () => log.verify(),
    async append(entry: AuditEntry): Promise<AuditRecord> {
      const deadline = Date.now() + RETRY_FOR_MS;
      for (let attempt = 1; ; attempt++) {
        try {
          return await log.append(entry);
        } catch (err) {
          if (!dialect.isUniqueViolation(err) || Date.now() > deadline) throw err;
          await new Promise((r) => setTimeout(r, Math.min(50, attempt * 2) * Math.random()));
        }
      }
    },
  };
}
