/** The division tree in SQLite: one row per division, each pointing at its parent. */
import type { Kysely } from 'kysely';
import type { Division, DivisionStore, VillageRecord } from '../types.js';
import type { Database } from './schema.js';

export class SqlDivisionStore implements DivisionStore {
  constructor(private readonly db: Kysely<Database>) {}

  async upsertDivisions(divisions: readonly Division[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const d of divisions) {
        await trx
          .insertInto('divisions')
          .values({ code: d.code, level: d.level, name: d.name, parent_code: d.parent })
          .onConflict((oc) => oc.column('code').doUpdateSet({ name: d.name, parent_code: d.parent }))
          .execute();
      }
    });
  }

  async getDivision(code: string): Promise<Division | null> {
    const row = await this.db.selectFrom('divisions').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? { code: row.code, level: row.level, name: row.name, parent: row.parent_code } : null;
  }

  private villageQuery() {
    return this.db
      .selectFrom('divisions as v')
      .leftJoin('divisions as t', 't.code', 'v.parent_code')
      .leftJoin('divisions as c', 'c.code', 't.parent_code')
      .leftJoin('divisions as p', 'p.code', 'c.parent_code')
      .select([
        'v.code as code',
        'v.name as name',
        't.code as townshipCode',
        't.name as townshipName',
        'c.code as countyCode',
        'c.name as countyName',
        'p.code as provinceCode',
        'p.name as provinceName',
      ])
      .where('v.level', '=', 'village');
  }

  async getVillage(code: string): Promise<VillageRecord | null> {
    const row = await this.villageQuery().where('v.code', '=', code).executeTakeFirst();
    return row ? toVillage(row) : null;
  }

  async listVillages(prefix = ''): Promise<VillageRecord[]> {
    const rows = await this.villageQuery()
      .where('v.code', 'like', `${prefix.replace(/[^0-9]/g, '')}%`)
      .orderBy('v.code')
      .execute();
    return rows.map(toVillage);
  }
}

type Nullable = string | null;

function toVillage(row: {
  code: string;
  name: string;
  townshipCode: Nullable;
  townshipName: Nullable;
  countyCode: Nullable;
  countyName: Nullable;
  provinceCode: Nullable;
  provinceName: Nullable;
}): VillageRecord {
  const pair = (code: Nullable, name: Nullable) => (code !== null && name !== null ? { code, name } : null);
  return {
    code: row.code,
    name: row.name,
    township: pair(row.townshipCode, row.townshipName),
    county: pair(row.countyCode, row.countyName),
    province: pair(row.provinceCode, row.provinceName),
  };
}
