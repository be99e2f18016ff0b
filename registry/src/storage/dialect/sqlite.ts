/**
 * The embedded dialect: SQLite (better-sqlite3). Catalog text is an FTS5 table with the trigram
 * tokenizer (substring matching, which Chinese needs: no spaces between words); words of 1–2
 * characters (农机) cannot use it and are checked with instr() over the same text instead.
 */
import { createAuditLogTable, dropAuditLogTable } from '@cunmen/audit-log';
import { type Expression, type SqlBool, sql } from 'kysely';
import type { StorageDialect } from './types.js';

/** An FTS5 query that requires every word as a phrase (`"a" AND "b"`), quotes doubled inside. */
export function ftsPhrases(words: readonly string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ');
}

/** Trigram MATCH needs at least 3 characters (code points, so 找农机 counts 3). */
export function usesTrigramIndex(word: string): boolean {
  return [...word].length >= 3;
}

const REVISION_TABLES = ['versions', 'dist_tags'] as const;
const EVENTS = ['insert', 'update', 'delete'] as const;

export const sqliteDialect: StorageDialect = {
  name: 'sqlite',
  idColumn: (c) => c.primaryKey().autoIncrement(),
  createAuditLog: (db) => createAuditLogTable(db),
  dropAuditLog: (db) => dropAuditLogTable(db),

  async createCatalogText(db) {
    await sql`create virtual table catalog_fts using fts5(
      package_name unindexed, name, title, description, keywords, category, tokenize = 'trigram'
    )`.execute(db);
  },
  async dropCatalogText(db) {
    await sql`drop table catalog_fts`.execute(db);
  },

  async createRevisionTriggers(db) {
    for (const table of REVISION_TABLES) {
      for (const event of EVENTS) {
        const row = event === 'delete' ? 'old' : 'new';
        await sql
          .raw(
            `create trigger ${table}_${event}_revision after ${event} on ${table} begin
               update packages set revision = revision + 1 where name = ${row}.package_name; end`,
          )
          .execute(db);
      }
    }
    await sql
      .raw(
        `create trigger packages_standard_revision after update of standard on packages begin
           update packages set revision = revision + 1 where name = new.name; end`,
      )
      .execute(db);
  },
  async dropRevisionTriggers(db) {
    for (const t of REVISION_TABLES) {
      for (const e of EVENTS) await sql.raw(`drop trigger ${t}_${e}_revision`).execute(db);
    }
    await sql.raw('drop trigger packages_standard_revision').execute(db);
  },

  catalogTextContainsAll(words) {
    const indexed = words.filter(usesTrigramIndex);
    const conditions: Expression<SqlBool>[] = [];
    if (indexed.length > 0) conditions.push(sql<SqlBool>`catalog_fts match ${ftsPhrases(indexed)}`);
    for (const w of words.filter((word) => !usesTrigramIndex(word))) {
      conditions.push(
        sql<SqlBool>`instr(lower(catalog_fts.name || char(10) || catalog_fts.title || char(10) ||
          catalog_fts.description || char(10) || catalog_fts.keywords || char(10) ||
          catalog_fts.category), lower(${w})) > 0`,
      );
    }
    return conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
  },

  // AUTOINCREMENT continues after the largest id in the table.
  syncIdSequence: async () => {},

  isUniqueViolation(err) {
    const code = (err as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
  },

  // One connection, one writer: a SQLite transaction that writes already excludes every other.
  lockWithinTransaction: async (_trx, _key) => {},
};
