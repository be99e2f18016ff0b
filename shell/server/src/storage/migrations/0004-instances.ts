/**
 * What several shell instances on one database agree through: leases (one instance at a time runs a
 * sweep, e.g. the hourly portal refresh) and rate-limit counters (a limit holds across instances, not
 * per instance). Times are milliseconds since the epoch (`bigint`: past 32 bits).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('shell_leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('shell_rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_ends', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('shell_rate_limits').execute();
  await db.schema.dropTable('shell_leases').execute();
}
