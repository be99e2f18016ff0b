/** The shell's audit log (portal saves and rollbacks, sign-ins, households): see `@cunmen/audit-log`. */
import { createAuditLogTable, dropAuditLogTable } from '@cunmen/audit-log';
import type { Kysely } from 'kysely';

export const up = (db: Kysely<unknown>): Promise<void> => createAuditLogTable(db);
export const down = (db: Kysely<unknown>): Promise<void> => dropAuditLogTable(db);
