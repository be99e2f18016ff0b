/** The mandatory-module rules in the shell's database: one plain table, the same SQL on every back end. */
import { type Kysely, type Migration, Migrator } from 'kysely';
import type { MandatoryRule, MandatoryStore } from './store.js';

interface MandatoryTable {
  division: string;
  package: string;
  set_by: string;
  set_at: string;
}

interface Database {
  mandatory_module: MandatoryTable;
}

const MIGRATIONS: Record<string, Migration> = {
  '0001-mandatory-module': {
    up: async (db: Kysely<unknown>) => {
      await db.schema
        .createTable('mandatory_module')
        .addColumn('division', 'text', (c) => c.notNull())
        .addColumn('package', 'text', (c) => c.notNull())
        .addColumn('set_by', 'text', (c) => c.notNull())
        .addColumn('set_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('mandatory_module_pk', ['division', 'package'])
        .execute();
    },
    down: async (db: Kysely<unknown>) => {
      await db.schema.dropTable('mandatory_module').execute();
    },
  },
};

const toRule = (r: MandatoryTable): MandatoryRule => ({
  division: r.division,
  package: r.package,
  setBy: r.set_by,
  setAt: r.set_at,
});

/** The province of a division code: its first two digits and 0000. */
export const provinceOf = (code: string): string => `${code.slice(0, 2)}0000`;

export class KyselyMandatoryStore implements MandatoryStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<unknown>) {
    this.db = db as unknown as Kysely<Database>;
  }

  async migrate(): Promise<void> {
    const { error } = await new Migrator({
      db: this.db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: 'mandatory_migration',
      migrationLockTableName: 'mandatory_migration_lock',
    }).migrateToLatest();
    if (error) throw error;
  }

  async list(prefix?: string): Promise<MandatoryRule[]> {
    let query = this.db.selectFrom('mandatory_module').selectAll();
    if (prefix !== undefined) query = query.where('division', 'like', `${prefix}%`);
    const rows = await query.orderBy('division').orderBy('package').execute();
    return rows.map(toRule);
  }

  async forVillage(village: string): Promise<MandatoryRule[]> {
    const rows = await this.db
      .selectFrom('mandatory_module')
      .selectAll()
      .where('division', 'in', [provinceOf(village), village.slice(0, 6)])
      .orderBy('division')
      .orderBy('package')
      .execute();
    return rows.map(toRule);
  }

  async add(rule: MandatoryRule): Promise<boolean> {
    const result = await this.db
      .insertInto('mandatory_module')
      .values({ division: rule.division, package: rule.package, set_by: rule.setBy, set_at: rule.setAt })
      .onConflict((oc) => oc.columns(['division', 'package']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async remove(division: string, pkg: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('mandatory_module')
      .where('division', '=', division)
      .where('package', '=', pkg)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
