/** Households and residents in the shell's SQLite database, with their own migration table. */

import { type Kysely, type Migration, Migrator } from 'kysely';
import { dialectOf, isUniqueViolation } from '../storage/dialect/index.js';
import type { Household, HouseholdStore, Resident } from './store.js';

interface HouseholdsTable {
  id: number;
  village: string;
  number: string;
  head: string;
  address: string | null;
  created_at: string;
}

interface ResidentsTable {
  id: number;
  household_id: number;
  name: string;
  relation: string;
  phone: string | null;
  account_id: number | null;
  created_at: string;
}

/** The register's tables, shared with the join requests' transaction (sql-join-requests.ts). */
export interface HouseholdDatabase {
  households: HouseholdsTable;
  residents: ResidentsTable;
}

const MIGRATIONS: Record<string, Migration> = {
  '0001-households': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('households')
        .addColumn('id', 'integer', (c) => dialectOf(db).autoId(c))
        .addColumn('village', 'text', (c) => c.notNull())
        .addColumn('number', 'text', (c) => c.notNull())
        .addColumn('head', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('households_village_number', ['village', 'number'])
        .execute();
      await db.schema
        .createTable('residents')
        .addColumn('id', 'integer', (c) => dialectOf(db).autoId(c))
        .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('phone', 'text')
        .addColumn('account_id', 'integer', (c) => c.references('identity_users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('residents').execute();
      await db.schema.dropTable('households').execute();
    },
  },
};

const toHousehold = (r: HouseholdsTable): Household => ({
  id: r.id,
  village: r.village,
  number: r.number,
  head: r.head,
  address: r.address,
  createdAt: r.created_at,
});

const toResident = (r: ResidentsTable): Resident => ({
  id: r.id,
  householdId: r.household_id,
  name: r.name,
  relation: r.relation,
  phone: r.phone,
  accountId: r.account_id,
  createdAt: r.created_at,
});

export class SqlHouseholdStore implements HouseholdStore {
  private readonly db: Kysely<HouseholdDatabase>;

  constructor(db: Kysely<unknown>) {
    this.db = db as unknown as Kysely<HouseholdDatabase>;
  }

  async migrate(): Promise<void> {
    const { error } = await new Migrator({
      db: this.db,
      provider: { getMigrations: async () => MIGRATIONS },
      migrationTableName: 'households_migration',
      migrationLockTableName: 'households_migration_lock',
    }).migrateToLatest();
    if (error) throw error;
  }

  async createHousehold(h: Omit<Household, 'id' | 'createdAt'>): Promise<Household | 'exists'> {
    try {
      const row = await this.db
        .insertInto('households')
        .values({
          village: h.village,
          number: h.number,
          head: h.head,
          address: h.address,
          created_at: new Date().toISOString(),
        } as never)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toHousehold(row as HouseholdsTable);
    } catch (err) {
      if (isUniqueViolation(err)) return 'exists';
      throw err;
    }
  }

  async listHouseholds(village: string, page: { offset: number; limit: number }) {
    const { n } = await this.db
      .selectFrom('households')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('village', '=', village)
      .executeTakeFirstOrThrow();
    const rows = await this.db
      .selectFrom('households')
      .selectAll()
      .where('village', '=', village)
      .orderBy('number')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { total: Number(n), items: rows.map(toHousehold) };
  }

  async findByNumber(village: string, number: string): Promise<Household | null> {
    const row = await this.db
      .selectFrom('households')
      .selectAll()
      .where('village', '=', village)
      .where('number', '=', number)
      .executeTakeFirst();
    return row ? toHousehold(row) : null;
  }

  async findByHead(village: string, head: string): Promise<Household[]> {
    const rows = await this.db
      .selectFrom('households')
      .selectAll()
      .where('village', '=', village)
      .where('head', '=', head)
      .orderBy('number')
      .execute();
    return rows.map(toHousehold);
  }

  async getHousehold(village: string, id: number): Promise<Household | null> {
    const row = await this.db
      .selectFrom('households')
      .selectAll()
      .where('village', '=', village)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toHousehold(row) : null;
  }

  async addResident(r: Omit<Resident, 'id' | 'createdAt'>): Promise<Resident> {
    const row = await this.db
      .insertInto('residents')
      .values({
        household_id: r.householdId,
        name: r.name,
        relation: r.relation,
        phone: r.phone,
        account_id: r.accountId,
        created_at: new Date().toISOString(),
      } as never)
      .returningAll()
      .executeTakeFirstOrThrow();
    return toResident(row as ResidentsTable);
  }

  async listResidents(householdId: number): Promise<Resident[]> {
    const rows = await this.db
      .selectFrom('residents')
      .selectAll()
      .where('household_id', '=', householdId)
      .orderBy('id')
      .execute();
    return rows.map(toResident);
  }
}
