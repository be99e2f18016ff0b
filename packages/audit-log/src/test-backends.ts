/** The audit log's test back ends (not exported from the package). */
import { type StartedPostgres, startPostgres } from '@cunmen/test-utils';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { createAuditLogTable } from './migration.js';

export interface Opened {
  db: Kysely<unknown>;
  /** Another connection pool on the same database, as a second instance of the service has. */
  second(): Kysely<unknown>;
  /** Turns the update guard off the way only someone with the database's owner rights could. */
  dropUpdateGuard(): Promise<void>;
  /** Turns the delete guard off the same way (to cut rows off the tail). */
  dropDeleteGuard(): Promise<void>;
}

/**
 * The two back ends for a test file: SQLite in memory, and a fresh database per call on one PostgreSQL
 * server the file starts (beforeAll) and stops (afterAll).
 */
export function auditBackends() {
  let server: StartedPostgres;
  let databases = 0;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  async function openSqlite(): Promise<Opened> {
    const database = new BetterSqlite3(':memory:');
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
    await createAuditLogTable(db);
    return {
      db,
      second: () => db,
      dropUpdateGuard: async () => void database.exec('drop trigger audit_log_no_update'),
      dropDeleteGuard: async () => void database.exec('drop trigger audit_log_no_delete'),
    };
  }

  async function openPostgres(): Promise<Opened> {
    const url = await server.createDatabase(`audit_${++databases}`);
    const connect = () => {
      const pool = new pg.Pool({ connectionString: url, max: 4 });
      // pool.end() resolves before its connections have closed: wait for them, so stopping the server
      // after the test does not hit a connection still saying goodbye.
      const closed: Promise<unknown>[] = [];
      pool.on('connect', (client) => closed.push(new Promise((r) => client.once('end', r))));
      const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
      const destroy = db.destroy.bind(db);
      db.destroy = async () => {
        await destroy();
        await Promise.all(closed);
      };
      return db;
    };
    const db = connect();
    await createAuditLogTable(db);
    return {
      db,
      second: connect,
      dropUpdateGuard: async () =>
        void (await sql`drop trigger audit_log_no_change on audit_log`.execute(db)),
      dropDeleteGuard: async () =>
        void (await sql`drop trigger audit_log_no_change on audit_log`.execute(db)),
    };
  }

  return { openSqlite, openPostgres };
}
