/**
 * Page-load tickets already exchanged for widget credentials (src/host-api/page-tickets.ts): a ticket is
 * single use across every shell instance on the database, so its id is kept until it expires.
 * `expires_at` is milliseconds since the epoch (`bigint`: past 32 bits). And the store collection a photo
 * was uploaded for, whose visibility it takes (null: `owner`).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('host_used_tickets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('host_media').addColumn('collection', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('host_media').dropColumn('collection').execute();
  await db.schema.dropTable('host_used_tickets').execute();
}
