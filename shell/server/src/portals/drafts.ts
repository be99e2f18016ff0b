/**
 * Portal drafts: what a cadre has assembled in the console but not published yet — one per village, a
 * whole village config (without `version`) and the published version it was started from. A draft
 * changes nothing residents see; publishing it is an ordinary whole-portal save with that base
 * (`PortalService.save`), so a portal published meanwhile refuses it with the 409 and its changes.
 * Kept in the shell's SQLite database, in a table of its own with its own migrations (like the
 * households), so the portal store and its history stay as they are.
 */
import type { VillageConfig } from '@cunmen/manifest';
import { type Kysely, type Migration, Migrator } from 'kysely';

/** A village config as a draft keeps it: everything but the version a save assigns. */
export type DraftConfig = Omit<VillageConfig, 'version'>;

export interface PortalDraft {
  village: string;
  /** The published version the draft was started from (0: the village had no portal). */
  baseVersion: number;
  config: DraftConfig;
  updatedAt: string;
  updatedBy: string;
}

export interface DraftStore {
  get(village: string): Promise<PortalDraft | null>;
  /** Replaces the village's draft. */
  put(draft: PortalDraft): Promise<void>;
  /** True when there was a draft to delete. */
  delete(village: string): Promise<boolean>;
}

interface DraftsTable {
  village: string;
  base_version: number;
  config: string;
  updated_at: string;
  updated_by: string;
}

interface DraftDatabase {
  portal_drafts: DraftsTable;
}

const MIGRATIONS: Record<string, Migration> = {
  '0001-portal-drafts': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('portal_drafts')
        .addColumn('village', 'text', (c) => c.primaryKey())
        .addColumn('base_version', 'integer', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('updated_by', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('portal_drafts').execute();
    },
  },
};

export class SqlDraftStore implements DraftStore {
  private readonly db: Kysely<DraftDatabase>;

  constructor(db: Kysely<unknown>) {
    this.db = db as unknown as Kysely<DraftDatabase>;
  }

  async migrate(): Promise<void> {
    const { error } = await new Migrator({
      db: this.db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: 'portal_drafts_migration',
      migrationLockTableName: 'portal_drafts_migration_lock',
    }).migrateToLatest();
    if (error) throw error;
  }

  async get(village: string): Promise<PortalDraft | null> {
    const row = await this.db
      .selectFrom('portal_drafts')
      .selectAll()
      .where('village', '=', village)
      .executeTakeFirst();
    if (!row) return null;
    return {
      village: row.village,
      baseVersion: row.base_version,
      config: JSON.parse(row.config) as DraftConfig,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    };
  }

  async put(draft: PortalDraft): Promise<void> {
    const row = {
      village: draft.village,
      base_version: draft.baseVersion,
      config: JSON.stringify(draft.config),
      updated_at: draft.updatedAt,
      updated_by: draft.updatedBy,
    };
    await this.db
      .insertInto('portal_drafts')
      .values(row)
      .onConflict((oc) => oc.column('village').doUpdateSet(row))
      .execute();
  }

  async delete(village: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('portal_drafts')
      .where('village', '=', village)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
