/**
 * Scale mode's database: PostgreSQL through a node-postgres pool. Every instance of the registry opens
 * its own pool on the same database; rows, not process memory, are what they share.
 */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { postgresDialect } from '../dialect/postgres.js';
import { migrateWith } from '../migrate.js';
import type { Database } from '../sql/schema.js';

const INT8 = 20;

export function openPostgres(url: string, maxConnections = 10): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: maxConnections,
    // count(*) and bigint columns come back as numbers, as SQLite's do (they stay far below 2^53).
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8
          ? (v: string) => Number(v)
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection the server closed (a restart, a failover) is dropped by the pool and replaced on
  // the next query; without a listener its error event would end the whole process.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export function migratePostgres(db: Kysely<Database>, to?: string): Promise<void> {
  return migrateWith(db, postgresDialect, to);
}
