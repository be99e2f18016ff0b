// @vitest-environment node
/**
 * 50 redemptions at once against one household and one goods item — from two shell instances sharing
 * the database, as in scale mode — leave exactly the affordable number: no double spend, no balance
 * below zero, no stock below zero, and one ledger entry per redemption that went through.
 */
import { createModuleTestApp, type ModuleTestApp } from '@cunmen/module-api/testing';
import { describe, expect, it } from 'vitest';
import { pointsModule } from './index.js';
import { balanceIn } from './ledger-store.js';
import { addGoods, adoptRules, freshApp, householdWith, users, V } from './test-helpers.js';

const t = freshApp();

async function fifty(second: ModuleTestApp, goods: string, merchant: ReturnType<typeof users>['merchant']) {
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      (i % 2 ? second : t).inject({
        as: merchant,
        method: 'POST',
        url: '/redeem',
        payload: { household: 'H-0100', goods, quantity: 1 },
      }),
    ),
  );
  const codes = results.map((r) => (r.statusCode === 201 ? 'ok' : r.json().code));
  return { codes, count: (c: string) => codes.filter((x) => x === c).length };
}

async function entries(kind: string) {
  return t.context.db
    .selectFrom('points_entry')
    .selectAll()
    .where('village', '=', V)
    .where('kind', '=', kind)
    .execute();
}

describe('50 simultaneous redemptions', () => {
  it.each([
    // 60 points buy 8 at 7 points each; the stock of 20 is not the limit.
    ['the balance', 6, 7, 20, 8, 'POINTS_ERR_BALANCE', { total: 4, redeemable: 4 }],
    // 300 points would buy 42; only 5 are in stock.
    ['the stock', 30, 7, 5, 5, 'POINTS_ERR_STOCK', { total: 265, redeemable: 265 }],
  ])(
    'limited by %s leave exactly the affordable number',
    async (_, tens, price, stock, sold, refusal, balance) => {
      const u = users();
      await adoptRules(t, u);
      await householdWith(t, u, 'H-0100', tens);
      const goods = await addGoods(t, u, price, stock);
      const second = await createModuleTestApp(pointsModule, { sameDatabaseAs: t });
      try {
        const { count } = await fifty(second, goods.id, u.merchant);
        expect([count('ok'), count(refusal)]).toEqual([sold, 50 - sold]);
      } finally {
        await second.close();
      }
      expect(await balanceIn(t.context.db as never, V, 'H-0100')).toEqual(balance);
      const redemptions = await entries('redemption');
      expect(redemptions).toHaveLength(sold);
      expect(redemptions.every((e) => e.points === -price)).toBe(true);
      const row = await t.context.db
        .selectFrom('points_goods')
        .select('stock')
        .where('id', '=', goods.id)
        .executeTakeFirst();
      expect(Number(row?.stock)).toBe(stock - sold);
      // The ledger's sequence has no gap and no repeat: every append saw the one before it.
      const all = await t.context.db
        .selectFrom('points_entry')
        .select('seq')
        .where('household', '=', 'H-0100')
        .execute();
      const seqs = all.map((e) => Number(e.seq)).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: tens + sold }, (_, i) => i + 1));
    },
  );
});
