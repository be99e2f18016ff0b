/**
 * What differs between the embedded SQLite database and PostgreSQL, named in one place. Stores and
 * migrations are one Kysely code path; they call these helpers where SQL itself differs (auto-increment
 * ids, triggers, substring search over the catalog, error codes, write serialisation).
 */
import type { ColumnDefinitionBuilder, Expression, Kysely, SqlBool } from 'kysely';

export type DialectName = 'sqlite' | 'postgres';

export interface StorageDialect {
  readonly name: DialectName;
  /** An auto-increment integer primary key (`id`). */
  idColumn(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /** The append-only `audit_log` table with the triggers that refuse UPDATE and DELETE. */
  createAuditLog(db: Kysely<unknown>): Promise<void>;
  dropAuditLog(db: Kysely<unknown>): Promise<void>;
  /** `catalog_fts`: the searchable text of each catalog entry, indexed for substring search. */
  createCatalogText(db: Kysely<unknown>): Promise<void>;
  dropCatalogText(db: Kysely<unknown>): Promise<void>;
  /** Triggers that bump `packages.revision` on every change to versions, dist-tags or `standard`. */
  createRevisionTriggers(db: Kysely<unknown>): Promise<void>;
  dropRevisionTriggers(db: Kysely<unknown>): Promise<void>;
  /**
   * A condition on `catalog_fts` (in scope under that name): every word occurs, case-insensitively, as
   * a substring of the entry's name, title, description, keywords or category.
   */
  catalogTextContainsAll(words: readonly string[]): Expression<SqlBool>;
  /** After rows were inserted with explicit ids (a migration copy): the next generated id follows them. */
  // biome-ignore lint/suspicious/noExplicitAny: any transaction of any database
  syncIdSequence(db: Kysely<any>, table: string): Promise<void>;
  /** True when a write failed on a unique or primary key. */
  isUniqueViolation(err: unknown): boolean;
  /**
   * Inside a transaction: waits until no other transaction (of any instance) holds `key`, and holds it
   * until this one ends. SQLite has one writer at a time already; PostgreSQL takes an advisory lock.
   */
  // biome-ignore lint/suspicious/noExplicitAny: any transaction of any database
  lockWithinTransaction(trx: Kysely<any>, key: string): Promise<void>;
}
