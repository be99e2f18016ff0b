export { createAuditLogTable, dropAuditLogTable } from './migration.js';
export { auditHash, GENESIS_HASH, SqliteAuditLog } from './sqlite-audit-log.js';
export type { AuditEntry, AuditLog, AuditRecord, AuditVerification } from './types.js';
