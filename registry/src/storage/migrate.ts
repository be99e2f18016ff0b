/** Runs the registry's migrations on either dialect. */
import { type Kysely, Migrator } from 'kysely';
import type { StorageDialect } from './dialect/types.js';
import { migrationsFor } from './migrations/index.js';

/**
 * Applies pending migrations (up to `to` when given). Safe from several processes at once: on SQLite
 * the write lock serialises them; on PostgreSQL Kysely's migrator holds an advisory lock around them
 * and runs them in one transaction, so instances starting together apply each migration once.
 */
// biome-ignore lint/suspicious/noExplicitAny: the migrator works on any database type
export async function migrateWith(db: Kysely<any>, dialect: StorageDialect, to?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrationsFor(dialect) } });
  const { error } = to === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(to);
  if (error) throw error;
}
