/** SQLite's side of the dialect helpers (see ./index.ts). */
import { type Kysely, sql } from 'kysely';
import type { SqlDialect } from './index.js';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  bytes: 'blob',
  autoId: (c) => c.primaryKey().autoIncrement(),
  // BEGIN IMMEDIATE takes the database's write lock before the first read, so another process (the CLI
  // beside the server) waits for it (busy_timeout) instead of both reading the same state. SQLite has one
  // write lock, so the key names nothing narrower.
  async lockedTransaction<DB, T>(db: Kysely<DB>, _key: string, work: (trx: Kysely<DB>) => Promise<T>) {
    return db.connection().execute(async (conn) => {
      await sql`begin immediate`.execute(conn);
      try {
        const result = await work(conn);
        await sql`commit`.execute(conn);
        return result;
      } catch (err) {
        await sql`rollback`.execute(conn);
        throw err;
      }
    });
  },
  exclusive: (_db, _key, work) => work(),
};
