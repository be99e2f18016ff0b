/** The registry's audit log is the shared hash-chained log of `@cunmen/audit-log`, in registry.db. */
export { auditHash, GENESIS_HASH, SqliteAuditLog } from '@cunmen/audit-log';
