/**
 * The scale dialect: PostgreSQL (node-postgres pool). Catalog text is a plain table with a GIN index of
 * `pg_trgm` trigrams over its lower-cased text, which serves `LIKE '%word%'` for words of 3 or more
 * characters; shorter ones scan the same expression. Triggers are PL/pgSQL functions.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { StorageDialect } from './types.js';

/** One expression in the index and in every query, so the planner can use the index. */
const CATALOG_TEXT = `lower(name || chr(10) || title || chr(10) || description || chr(10) || keywords || chr(10) || category)`;

/** A LIKE pattern matching `word` anywhere, its wildcards escaped (escape character `\`). */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export const postgresDialect: StorageDialect = {
  name: 'postgres',
  idColumn: (c) => c.generatedByDefaultAsIdentity().primaryKey(),

  async createAuditLog(db) {
    await db.schema
      .createTable('audit_log')
      // bigint: `verify` starts below every seq with Number.MIN_SAFE_INTEGER, outside PostgreSQL's integer.
      .addColumn('seq', 'bigint', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('detail', 'text', (c) => c.notNull())
      .addColumn('ip', 'text', (c) => c.notNull())
      .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
      begin raise exception 'the audit log is append-only'; end $$`.execute(db);
    await sql`create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  },
  async dropAuditLog(db) {
    await db.schema.dropTable('audit_log').execute();
    await sql`drop function audit_log_append_only()`.execute(db);
  },

  async createCatalogText(db) {
    // pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
    await sql`create extension if not exists pg_trgm`.execute(db);
    await db.schema
      .createTable('catalog_fts')
      .addColumn('package_name', 'text', (c) => c.primaryKey().references('packages.name'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('keywords', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .execute();
    await sql
      .raw(`create index catalog_fts_trgm on catalog_fts using gin ((${CATALOG_TEXT}) gin_trgm_ops)`)
      .execute(db);
  },
  async dropCatalogText(db) {
    await db.schema.dropTable('catalog_fts').execute();
  },

  async createRevisionTriggers(db) {
    await sql`create function bump_package_revision() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          update packages set revision = revision + 1 where name = old.package_name;
          return old;
        end if;
        update packages set revision = revision + 1 where name = new.package_name;
        return new;
      end $$`.execute(db);
    for (const table of ['versions', 'dist_tags']) {
      await sql
        .raw(
          `create trigger ${table}_revision after insert or update or delete on ${table}
             for each row execute function bump_package_revision()`,
        )
        .execute(db);
    }
    await sql`create function bump_standard_revision() returns trigger language plpgsql as $$
      begin new.revision := old.revision + 1; return new; end $$`.execute(db);
    await sql`create trigger packages_standard_revision before update of standard on packages
      for each row execute function bump_standard_revision()`.execute(db);
  },
  async dropRevisionTriggers(db) {
    for (const table of ['versions', 'dist_tags']) {
      await sql.raw(`drop trigger ${table}_revision on ${table}`).execute(db);
    }
    await sql`drop trigger packages_standard_revision on packages`.execute(db);
    await sql`drop function bump_package_revision()`.execute(db);
    await sql`drop function bump_standard_revision()`.execute(db);
  },

  catalogTextContainsAll(words) {
    const conditions: Expression<SqlBool>[] = words.map(
      (w) => sql<SqlBool>`${sql.raw(CATALOG_TEXT)} like lower(${containsPattern(w)}) escape '\\'`,
    );
    return conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
  },

  async syncIdSequence(db, table) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false)
      from ${sql.table(table)}`.execute(db);
  },

  isUniqueViolation(err) {
    return (err as { code?: unknown } | null)?.code === '23505';
  },

  async lockWithinTransaction(trx, key) {
    await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
  },
};
