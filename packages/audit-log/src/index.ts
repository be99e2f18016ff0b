export { auditHash, GENESIS_HASH } from './chain.js';
export {
  type AuditCheckpoint,
  CHECKPOINT_DIR,
  type CheckpointVerification,
  checkpointSignatureValid,
  latestCheckpointFile,
  readCheckpoint,
  signCheckpoint,
  verifyAgainstCheckpoint,
  writeCheckpoint,
} from './checkpoint.js';
export { type CheckpointKey, loadOrCreateCheckpointKey } from './checkpoint-key.js';
export { type CheckpointTimer, startCheckpointTimer } from './checkpoint-timer.js';
export { createAuditLogTable, dropAuditLogTable, openAuditLog } from './migration.js';
export { PostgresAuditLog } from './postgres-audit-log.js';
export { SqliteAuditLog } from './sqlite-audit-log.js';
export type { AuditEntry, AuditLog, AuditRecord, AuditVerification } from './types.js';
