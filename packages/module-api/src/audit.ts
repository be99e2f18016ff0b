import type { AuditLog } from '@cunmen/audit-log';
import type { ModuleAudit } from './module.js';

/** The shell's audit log as one module sees it: every action prefixed with the module id. */
export function moduleAudit(id: string, log: Pick<AuditLog, 'append'>): ModuleAudit {
  return {
    async append(entry) {
      await log.append({ ...entry, action: `${id}.${entry.action}` });
    },
  };
}
