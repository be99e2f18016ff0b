/**
 * The `usage-reporter` role (issue #14): the shell's token for portal-usage reports no longer has to be
 * a province account, which approves and signs. Only the users table's role check changes. SQLite cannot
 * alter a check, so the table is rebuilt the way SQLite documents it (foreign keys off — Kysely runs
 * SQLite migrations outside a transaction — copy, swap, check, on again); PostgreSQL replaces the
 * constraint.
 */
import { type Kysely, sql } from 'kysely';
import type { StorageDialect } from '../dialect/types.js';

const ROLES_BEFORE = sql`role in ('province', 'county')`;
const ROLES_AFTER = sql`role in ('province', 'county', 'usage-reporter')`;

async function rebuildSqliteUsers(db: Kysely<unknown>, roles: typeof ROLES_AFTER): Promise<void> {
  await sql`PRAGMA foreign_keys = OFF`.execute(db);
  try {
    await db.transaction().execute(async (trx) => {
      await trx.schema
        .createTable('users_rebuilt')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull().check(roles))
        .addColumn('county', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.unique())
        .addColumn('password_hash', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await sql`INSERT INTO users_rebuilt (id, name, role, county, scope, password_hash, created_at)
                SELECT id, name, role, county, scope, password_hash, created_at FROM users`.execute(trx);
      await trx.schema.dropTable('users').execute();
      await trx.schema.alterTable('users_rebuilt').renameTo('users').execute();
      const broken = await sql`PRAGMA foreign_key_check`.execute(trx);
      if (broken.rows.length > 0) throw new Error('users rebuild left dangling references; rolled back');
    });
  } finally {
    await sql`PRAGMA foreign_keys = ON`.execute(db);
  }
}

async function replacePostgresCheck(db: Kysely<unknown>, roles: typeof ROLES_AFTER): Promise<void> {
  await sql`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_role_check`.execute(db);
  await sql`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (${roles})`.execute(db);
}

export async function up(db: Kysely<unknown>, dialect: StorageDialect): Promise<void> {
  if (dialect.name === 'sqlite') await rebuildSqliteUsers(db, ROLES_AFTER);
  else await replacePostgresCheck(db, ROLES_AFTER);
}

export async function down(db: Kysely<unknown>, dialect: StorageDialect): Promise<void> {
  await sql`DELETE FROM tokens WHERE user_id IN (SELECT id FROM users WHERE role = 'usage-reporter')`.execute(
    db,
  );
  await sql`DELETE FROM users WHERE role = 'usage-reporter'`.execute(db);
  if (dialect.name === 'sqlite') await rebuildSqliteUsers(db, ROLES_BEFORE);
  else await replacePostgresCheck(db, ROLES_BEFORE);
}
