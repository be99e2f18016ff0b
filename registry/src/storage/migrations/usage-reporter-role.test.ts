/**
 * Migration 0007 on both back ends: a registry made before it keeps every user, token and version
 * reference, then accepts the `usage-reporter` role and still refuses any other.
 */
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { scaleOptions } from '../../../test/backends.js';
import { migratePostgres, openPostgres } from '../postgres/database.js';
import type { Database } from '../sql/schema.js';
import { migrateDatabase, openDatabase } from '../sqlite/database.js';

const BEFORE = '0006-web-login-binding';
const opened: Kysely<Database>[] = [];
afterAll(async () => {
  for (const db of opened) await db.destroy();
});

const backends = {
  sqlite: async () => {
    const db = openDatabase(join((await makeTempDir('cunmen-0007-')).path, 'registry.db'));
    return { db, migrate: (to?: string) => migrateDatabase(db, to) };
  },
  postgres: async () => {
    const db = openPostgres((await scaleOptions()).databaseUrl);
    return { db, migrate: (to?: string) => migratePostgres(db, to) };
  },
};

describe.each(Object.entries(backends))('migration 0007 on %s', (_name, open) => {
  it('keeps users and what references them, then takes usage reporters only', async () => {
    const { db, migrate } = await open();
    opened.push(db);
    await migrate(BEFORE);
    const at = '2026-12-07T00:00:00.000Z';
    await sql`INSERT INTO users (name, role, county, scope, created_at)
              VALUES ('zj', 'province', '330000', '@cunmen', ${at}), ('dq', 'county', '330521', '@deqing', ${at})`.execute(
      db,
    );
    await sql`INSERT INTO tokens (token_hash, user_id, created_at) SELECT 'h-' || name, id, ${at} FROM users`.execute(
      db,
    );
    const before =
      await sql`SELECT u.id, u.name, u.role, u.scope, t.token_hash FROM users u JOIN tokens t ON t.user_id = u.id ORDER BY u.id`.execute(
        db,
      );

    await migrate();
    const after =
      await sql`SELECT u.id, u.name, u.role, u.scope, t.token_hash FROM users u JOIN tokens t ON t.user_id = u.id ORDER BY u.id`.execute(
        db,
      );
    expect(after.rows).toEqual(before.rows);
    await sql`INSERT INTO users (name, role, county, scope, created_at) VALUES ('shell-usage', 'usage-reporter', '330000', null, ${at})`.execute(
      db,
    );
    const ids = await sql<{ id: number }>`SELECT id FROM users ORDER BY id`.execute(db);
    expect(ids.rows.map((r) => Number(r.id))).toEqual([1, 2, 3]);
    await expect(
      sql`INSERT INTO users (name, role, county, scope, created_at) VALUES ('x', 'admin', '330000', null, ${at})`.execute(
        db,
      ),
    ).rejects.toThrow(/CHECK constraint|users_role_check/);
    // A token still needs its user: the foreign key survived the rebuild.
    await expect(
      sql`INSERT INTO tokens (token_hash, user_id, created_at) VALUES ('orphan', 99, ${at})`.execute(db),
    ).rejects.toThrow(/FOREIGN KEY|foreign key/);
  });
});
