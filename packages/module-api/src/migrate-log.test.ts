/**
 * A first start on PostgreSQL leaves no ERROR in the server's log: operators read that log, and a
 * failed "is it migrated yet?" probe on every new module would look like a fault.
 */
import { startPostgres } from '@cunmen/test-utils';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { defineModule } from './module.js';
import { migrateModule } from './mount.js';

const module = defineModule({
  id: 'log-probe',
  package: '@cunmen/log-probe',
  migrations: {
    '0001-notes': {
      up: (db) => db.schema.createTable('log_probe_notes').addColumn('id', 'text').execute(),
    },
  },
  routes: async () => {},
});

describe('migrateModule on PostgreSQL', () => {
  it('migrates a new module, then finds it up to date, without an ERROR in the server log', async () => {
    const server = await startPostgres();
    const pool = new pg.Pool({ connectionString: await server.createDatabase('probe') });
    // The server stops right after the pool closes: an idle client's goodbye is not a failure.
    pool.on('error', () => {});
    const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool }) });
    try {
      await migrateModule(module, { db });
      await migrateModule(module, { db });
      const tables = await db.introspection.getTables();
      expect(tables.map((t) => t.name)).toContain('log_probe_notes');
      expect(
        server.process
          .output()
          .split('\n')
          .filter((l) => l.includes('ERROR:')),
      ).toEqual([]);
    } finally {
      await db.destroy();
      await server.stop();
    }
  }, 60_000);
});
