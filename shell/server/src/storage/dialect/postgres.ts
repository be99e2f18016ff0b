/** PostgreSQL's side of the dialect helpers (see ./index.ts). */
import { type Kysely, sql } from 'kysely';
import type { SqlDialect } from './index.js';

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  bytes: 'bytea',
  // BY DEFAULT (not ALWAYS), so `migrate-to-scale` can copy rows with their ids.
  autoId: (c) => c.primaryKey().generatedByDefaultAsIdentity(),
  lockedTransaction<DB, T>(db: Kysely<DB>, key: string, work: (trx: Kysely<DB>) => Promise<T>) {
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
      return work(trx);
    });
  },
  async exclusive(db, key, work) {
    // A session lock must be released on the connection that took it: hold one connection throughout.
    return db.connection().execute(async (conn) => {
      await sql`select pg_advisory_lock(hashtext(${key}))`.execute(conn);
      try {
        return await work();
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
      }
    });
  },
};
