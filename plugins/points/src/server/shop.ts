/**
 * The points shop (积分超市): goods with prices and stock, and redemption at the counter as ONE ledger
 * entry in one transaction with the stock: the household's row lock (ledger-store.ts) rules out a double
 * spend, and the stock falls only by a conditional update (`stock >= quantity`), so neither the balance
 * nor the stock can go below zero however many counters redeem at once.
 */
import { randomUUID } from 'node:crypto';
import { affordable, pointsErrors } from '../common/index.js';
import type { Db, PointsContext } from './context.js';
import { appendEntry, EMPTY_ENTRY } from './ledger-store.js';
import type { EntryRow, GoodsRow } from './rows.js';

export async function findGoods(db: Db, village: string, id: string): Promise<GoodsRow> {
  const row = await db
    .selectFrom('points_goods')
    .selectAll()
    .where('id', '=', id)
    .where('village', '=', village)
    .executeTakeFirst();
  if (!row) throw pointsErrors.error('POINTS_ERR_GOODS_NOT_FOUND', { field: 'goods' });
  return row;
}

export async function addGoods(
  c: PointsContext,
  village: string,
  g: { name: string; price: number; stock: number },
): Promise<GoodsRow> {
  const row: GoodsRow = { id: randomUUID(), village, ...g, active: 1, updated_at: c.nowIso() };
  await c.db.insertInto('points_goods').values(row).execute();
  return row;
}

export interface Redemption {
  household: string;
  goods: string;
  quantity: number;
  merchant: string;
}

export async function redeem(
  c: PointsContext,
  village: string,
  r: Redemption,
): Promise<{ entry: EntryRow; redeemable: number; stock: number }> {
  const at = c.nowIso();
  return c.db.transaction().execute(async (trx) => {
    const goods = await findGoods(trx, village, r.goods);
    if (goods.active !== 1) throw pointsErrors.error('POINTS_ERR_GOODS_NOT_FOUND', { field: 'goods' });
    const cost = goods.price * r.quantity;
    const { entry, balance } = await appendEntry(trx, village, r.household, at, (before) => {
      if (!affordable(before, cost)) throw pointsErrors.error('POINTS_ERR_BALANCE');
      return {
        ...EMPTY_ENTRY,
        kind: 'redemption',
        item_title: goods.name,
        points: -cost,
        redeemable: 1,
        approver: r.merchant,
        goods_id: goods.id,
        quantity: r.quantity,
      };
    });
    const taken = await trx
      .updateTable('points_goods')
      .set((eb) => ({ stock: eb('stock', '-', r.quantity), updated_at: at }))
      .where('id', '=', goods.id)
      .where('stock', '>=', r.quantity)
      .returning('stock')
      .executeTakeFirst();
    if (!taken) throw pointsErrors.error('POINTS_ERR_STOCK');
    return { entry, redeemable: balance.redeemable, stock: Number(taken.stock) };
  });
}
