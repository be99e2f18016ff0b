/**
 * What the village sees of its points: the leaderboard and the monthly summary (earned points only —
 * awards less deductions; spending in the shop does not lower a household's rank), with households
 * named per the village's masking policy, and the committee's yearly reset.
 */
import { maskName } from '@cunmen/pii';
import { sql } from 'kysely';
import {
  type BoardRow,
  type Masking,
  type MonthSummary,
  monthRange,
  pointsErrors,
  resetPoints,
} from '../common/index.js';
import type { PointsContext } from './context.js';
import { appendEntry, EMPTY_ENTRY } from './ledger-store.js';
import { settingsOf } from './village-store.js';

const EARNED = ['award', 'deduction'] as const;

/** How a household appears publicly: the head's masked name (张**) or its household number. */
export const publicName = (masking: Masking, head: string, code: string): string =>
  masking === 'name' ? maskName(head) : `${code} 户`;

/** The UTC instants of a China-time year `[from, to)`. */
const yearRange = (year: number): [string, string] => [
  monthRange(`${year}-01`)[0],
  monthRange(`${year + 1}-01`)[0],
];

export async function board(
  c: PointsContext,
  village: string,
  [from, to]: [string, string],
  limit: number,
): Promise<BoardRow[]> {
  const { masking } = await settingsOf(c.db, village);
  const rows = await c.db
    .selectFrom('points_entry as e')
    .innerJoin('points_household as h', (j) =>
      j.onRef('h.village', '=', 'e.village').onRef('h.code', '=', 'e.household'),
    )
    .select(['e.household', 'h.head', sql<string>`sum(e.points)`.as('points')])
    .where('e.village', '=', village)
    .where('e.kind', 'in', EARNED)
    .where('e.at', '>=', from)
    .where('e.at', '<', to)
    .groupBy(['e.household', 'h.head'])
    .orderBy(sql`sum(e.points)`, 'desc')
    .orderBy('e.household')
    .limit(limit)
    .execute();
  return rows.map((r, i) => ({
    rank: i + 1,
    name: publicName(masking, r.head, r.household),
    points: Number(r.points),
  }));
}

export const leaderboard = (c: PointsContext, village: string, year: number) =>
  board(c, village, yearRange(year), 20);

export async function monthSummary(c: PointsContext, village: string, month: string): Promise<MonthSummary> {
  const [from, to] = monthRange(month);
  const entries = await c.db
    .selectFrom('points_entry')
    .select(['household', 'kind', 'item_code', 'item_title', 'points'])
    .where('village', '=', village)
    .where('at', '>=', from)
    .where('at', '<', to)
    .execute();
  let awarded = 0;
  let deducted = 0;
  let redeemed = 0;
  const households = new Set<string>();
  const items = new Map<string, MonthSummary['items'][number]>();
  for (const e of entries) {
    if (e.kind === 'award') awarded += e.points;
    if (e.kind === 'deduction') deducted -= e.points;
    if (e.kind === 'redemption') redeemed -= e.points;
    if (e.kind !== 'award' && e.kind !== 'deduction') continue;
    households.add(e.household);
    const code = e.item_code ?? '';
    const item = items.get(code) ?? { code, title: e.item_title ?? '', times: 0, points: 0 };
    item.times += 1;
    item.points += e.points;
    items.set(code, item);
  }
  return {
    month,
    awarded,
    deducted,
    redeemed,
    households: households.size,
    top: await board(c, village, [from, to], 10),
    items: [...items.values()].sort((a, b) => b.times - a.times || a.code.localeCompare(b.code)),
  };
}

/**
 * The yearly reset: one entry per household that brings its redeemable points to zero (the base score
 * stays). Refused when the village does not reset, or when the year's reset is in the ledger already.
 */
export async function resetYear(
  c: PointsContext,
  village: string,
  year: number,
  by: string,
): Promise<number> {
  if (!(await settingsOf(c.db, village)).yearlyReset) throw pointsErrors.error('POINTS_ERR_RESET_OFF');
  const at = c.nowIso();
  return c.db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('points_entry')
      .select('seq')
      .where('village', '=', village)
      .where('kind', '=', 'reset')
      .where('year', '=', year)
      .executeTakeFirst();
    if (done) throw pointsErrors.error('POINTS_ERR_RESET_DONE');
    const households = await trx
      .selectFrom('points_household')
      .select('code')
      .where('village', '=', village)
      .orderBy('code')
      .execute();
    let n = 0;
    for (const { code } of households) {
      // Every household gets the entry (zero when it has nothing to reset), so the year's reset is on
      // record once and a second one is refused.
      await appendEntry(trx, village, code, at, (balance) => ({
        ...EMPTY_ENTRY,
        kind: 'reset',
        points: resetPoints(balance),
        redeemable: 1,
        approver: by,
        year,
        note: `${year} 年度清零`,
      }));
      n++;
    }
    return n;
  });
}
