/**
 * Appending to a household's ledger. Every append runs inside the caller's transaction and starts by
 * bumping the household's entry counter (`points_household.seq`): a conditional write that takes the
 * household's row lock in PostgreSQL (a second writer waits, then sees the first one's entry) and is
 * serialised by SQLite's single writer — so the balance read next is the real one and two redemptions
 * can never both spend the same points. The balance itself is always summed from the entries.
 */
import { toCount } from '@cunmen/module-api';
import { sql } from 'kysely';
import { type Balance, pointsErrors } from '../common/index.js';
import type { Db } from './context.js';
import type { EntryRow } from './rows.js';

export type EntryDraft = Omit<EntryRow, 'village' | 'household' | 'seq' | 'at'>;

export const EMPTY_ENTRY: Omit<EntryDraft, 'kind' | 'points' | 'redeemable'> = {
  item_code: null,
  item_title: null,
  evidence: null,
  approver: null,
  second_approver: null,
  rulebook_version: null,
  claim_id: null,
  goods_id: null,
  quantity: null,
  year: null,
  note: null,
};

/** The household's balance, summed from its entries (in `db`'s transaction, if any). */
export async function balanceIn(db: Db, village: string, household: string): Promise<Balance> {
  const row = await db
    .selectFrom('points_entry')
    .select([
      sql<string>`coalesce(sum(points), 0)`.as('total'),
      sql<string>`coalesce(sum(points * redeemable), 0)`.as('redeemable'),
    ])
    .where('village', '=', village)
    .where('household', '=', household)
    .executeTakeFirst();
  return { total: toCount(row?.total), redeemable: toCount(row?.redeemable) };
}

/**
 * Appends the entry `make` builds from the household's current balance (it throws to refuse, which
 * rolls the caller's transaction back). Returns the entry as stored and the balance after it.
 */
export async function appendEntry(
  trx: Db,
  village: string,
  household: string,
  at: string,
  make: (balance: Balance) => EntryDraft,
): Promise<{ entry: EntryRow; balance: Balance }> {
  const bumped = await trx
    .updateTable('points_household')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('village', '=', village)
    .where('code', '=', household)
    .returning('seq')
    .executeTakeFirst();
  if (!bumped) throw pointsErrors.error('POINTS_ERR_HOUSEHOLD', { field: 'household' });
  const before = await balanceIn(trx, village, household);
  const draft = make(before);
  const entry: EntryRow = { ...draft, village, household, seq: Number(bumped.seq), at };
  await trx.insertInto('points_entry').values(entry).execute();
  const redeemable = before.redeemable + (draft.redeemable ? draft.points : 0);
  return { entry, balance: { total: before.total + draft.points, redeemable } };
}
