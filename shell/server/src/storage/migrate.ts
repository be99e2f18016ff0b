/**
 * Brings the shell's database to the latest schema: the portal and host tables (./migrations), then
 * identity, households, join requests, drafts and mandatory-module rules, each with its own bookkeeping table. Several instances starting at
 * once on one PostgreSQL take turns through an advisory lock, so no two run the same migration.
 */
import { type Kysely, type Migration, Migrator } from 'kysely';
import { SqlJoinRequestStore } from '../households/sql-join-requests.js';
import { SqlHouseholdStore } from '../households/sql-store.js';
import { SqlIdentityStore } from '../identity/sql-store.js';
import { KyselyMandatoryStore } from '../mandatory/kysely-store.js';
import { SqlDraftStore } from '../portals/drafts.js';
import { dialectOf } from './dialect/index.js';
import { MIGRATIONS } from './migrations/index.js';

export const MIGRATION_LOCK = 'cunmen-shell-migrations';

async function migrateTables(db: Kysely<unknown>, migrations: Record<string, Migration>): Promise<void> {
  const { error } = await new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  }).migrateToLatest();
  if (error) throw error;
}

export async function migrateShell(db: Kysely<unknown>): Promise<void> {
  await dialectOf(db).exclusive(db, MIGRATION_LOCK, async () => {
    await migrateTables(db, MIGRATIONS);
    // Identity before households: residents point at accounts.
    await new SqlIdentityStore(db).migrate();
    await new SqlHouseholdStore(db).migrate();
    // Join requests point at accounts and households.
    await new SqlJoinRequestStore(db).migrate();
    await new SqlDraftStore(db).migrate();
    await new KyselyMandatoryStore(db).migrate();
  });
}
