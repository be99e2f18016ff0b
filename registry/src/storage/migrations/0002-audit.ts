/**
 * The audit log: append-only (triggers refuse UPDATE, DELETE and REPLACE) and hash-chained (each row's
 * hash covers the previous row's), so `audit verify` finds a row edited or deleted behind the triggers.
 * The table and its triggers are defined once, in `@cunmen/audit-log`.
 */
import { createAuditLogTable, dropAuditLogTable } from '@cunmen/audit-log';
import type { Kysely } from 'kysely';

export const up = (db: Kysely<unknown>): Promise<void> => createAuditLogTable(db);
export const down = (db: Kysely<unknown>): Promise<void> => dropAuditLogTable(db);
