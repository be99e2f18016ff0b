/**
 * A village's settings, rule books and households: reads, and the writes that are not ledger entries.
 */
import {
  checkAdoption,
  DEFAULT_SETTINGS,
  inForce,
  pointsErrors,
  type RuleBook,
  type RuleItem,
  type Settings,
  settingsSchema,
} from '../common/index.js';
import type { Db, PointsContext } from './context.js';
import { appendEntry, EMPTY_ENTRY } from './ledger-store.js';
import type { HouseholdRow, ItemRow, RuleBookRow } from './rows.js';

export async function settingsOf(db: Db, village: string): Promise<Settings> {
  const row = await db
    .selectFrom('points_settings')
    .select('settings')
    .where('village', '=', village)
    .executeTakeFirst();
  return row ? settingsSchema.parse(JSON.parse(row.settings)) : DEFAULT_SETTINGS;
}

const toItem = (r: ItemRow): RuleItem => ({
  code: r.code,
  title: r.title,
  points: r.points,
  evidence: r.evidence,
  proposer: r.proposer,
});

function toBook(r: RuleBookRow, items: ItemRow[]): RuleBook {
  return {
    version: r.version,
    adoptedOn: r.adopted_on,
    assembly: {
      date: r.assembly_date,
      attendance: r.attendance,
      votesFor: r.votes_for,
      votesAgainst: r.votes_against,
      abstaining: r.abstaining,
    },
    items: items.filter((i) => i.version === r.version).map(toItem),
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  };
}

/** Every version of the village's rule book, oldest first, with its items in their order. */
export async function ruleBooks(db: Db, village: string): Promise<RuleBook[]> {
  const books = await db
    .selectFrom('points_rulebook')
    .selectAll()
    .where('village', '=', village)
    .orderBy('version')
    .execute();
  if (books.length === 0) return [];
  const items = await db
    .selectFrom('points_item')
    .selectAll()
    .where('village', '=', village)
    .orderBy('version')
    .orderBy('position')
    .execute();
  return books.map((b) => toBook(b, items));
}

/** The version in force today, or `POINTS_ERR_NO_RULEBOOK`. */
export async function bookInForce(c: PointsContext, village: string): Promise<RuleBook> {
  const book = inForce(await ruleBooks(c.db, village), c.today());
  if (!book) throw pointsErrors.error('POINTS_ERR_NO_RULEBOOK');
  return book;
}

export interface Adoption {
  adoptedOn: string;
  assembly?: RuleBook['assembly'] | undefined;
  items: RuleItem[];
}

/** Records a new version adopted by the assembly; returns its number. */
export async function adopt(c: PointsContext, village: string, by: string, a: Adoption): Promise<number> {
  return c.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('points_rulebook')
      .select(['version', 'adopted_on'])
      .where('village', '=', village)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const refused = checkAdoption(
      a.adoptedOn,
      a.assembly,
      last ? { adoptedOn: last.adopted_on } : null,
      c.today(),
    );
    if (refused) throw refused;
    const assembly = a.assembly as RuleBook['assembly'];
    const version = (last?.version ?? 0) + 1;
    // Two cadres adopting at once compute the same version; the primary key refuses the second.
    await trx
      .insertInto('points_rulebook')
      .values({
        village,
        version,
        adopted_on: a.adoptedOn,
        assembly_date: assembly.date,
        attendance: assembly.attendance,
        votes_for: assembly.votesFor,
        votes_against: assembly.votesAgainst,
        abstaining: assembly.abstaining,
        recorded_by: by,
        recorded_at: c.nowIso(),
      })
      .execute();
    await trx
      .insertInto('points_item')
      .values(a.items.map((item, position) => ({ ...item, village, version, position })))
      .execute();
    return version;
  });
}

export async function findHousehold(
  db: Db,
  village: string,
  code: string,
): Promise<HouseholdRow | undefined> {
  return db
    .selectFrom('points_household')
    .selectAll()
    .where('village', '=', village)
    .where('code', '=', code)
    .executeTakeFirst();
}

/**
 * Registers a household of the village inside `trx` (nothing happens when it exists) and, when the
 * village gives a base score, credits it as the household's first, non-redeemable entry.
 */
export async function registerIn(
  trx: Db,
  village: string,
  code: string,
  head: string,
  at: string,
): Promise<boolean> {
  const inserted = await trx
    .insertInto('points_household')
    .values({ village, code, head, seq: 0, registered_at: at })
    .onConflict((oc) => oc.columns(['village', 'code']).doNothing())
    .executeTakeFirst();
  const created = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  const { baseScore } = await settingsOf(trx, village);
  if (created && baseScore > 0) {
    await appendEntry(trx, village, code, at, () => ({
      ...EMPTY_ENTRY,
      kind: 'base',
      points: baseScore,
      redeemable: 0,
      note: '基础分（不可兑换）',
    }));
  }
  return created;
}

/** The household, registered first if the village has not seen it yet. */
export async function ensureHousehold(
  c: PointsContext,
  village: string,
  code: string,
  head: string,
): Promise<{ row: HouseholdRow; created: boolean }> {
  const found = await findHousehold(c.db, village, code);
  if (found) return { row: found, created: false };
  return c.db.transaction().execute(async (trx) => {
    const created = await registerIn(trx, village, code, head, c.nowIso());
    return { row: (await findHousehold(trx, village, code)) as HouseholdRow, created };
  });
}
