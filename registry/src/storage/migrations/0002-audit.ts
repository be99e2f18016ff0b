/**
 * The audit log: append-only (triggers refuse UPDATE, DELETE and REPLACE) and hash-chained (each row's
 * hash covers the previous row's), so `audit verify` finds a row edited or deleted behind the triggers.
 * On SQLite the table and its triggers are those of `@cunmen/audit-log`; PostgreSQL's triggers are
 * PL/pgSQL (dialect/postgres.ts).
 */
import type { Kysely } from 'kysely';
import type { StorageDialect } from '../dialect/types.js';

export const up = (db: Kysely<unknown>, dialect: StorageDialect): Promise<void> => dialect.createAuditLog(db);
export const down = (db: Kysely<unknown>, dialect: StorageDialect): Promise<void> => dialect.dropAuditLog(db);
