// @vitest-environment node
/**
 * Property test of the ledger: random sequences of claims, approvals (one or two members), rejections,
 * redemptions and yearly resets, from a seeded generator (fast-check is not in the lockfile; a failing
 * seed is printed and replays exactly). After every step each household's balance, as the API reports
 * it, equals the sum of its entries, is never negative, and matches an independent model of the rules.
 */
import type { ModuleTestApp } from '@cunmen/module-api/testing';
import { describe, expect, it } from 'vitest';
import { type Balance, deductionPoints } from '../common/index.js';
import { addGoods, adoptRules, freshApp, ok, RULES, type Users, users, V } from './test-helpers.js';

const t = freshApp();
const HOUSEHOLDS = ['H-1', 'H-2', 'H-3'];
const BASE = 20;

/** mulberry32: a small seeded generator, so a failure replays from its seed. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T,
  };
}

interface Model {
  balances: Map<string, Balance>;
  open: { id: string; household: string; points: number; quantity: number; first: string | null }[];
  stock: Map<string, { price: number; stock: number }>;
  year: number;
}

async function checkLedger(m: Model, step: string) {
  for (const h of HOUSEHOLDS) {
    const { balance, entries } = await ok(t, users().cadre, `GET /households/${h}/ledger`);
    const sum = entries.reduce((s: number, e: { points: number }) => s + e.points, 0);
    const redeemable = entries
      .filter((e: { redeemable: boolean }) => e.redeemable)
      .reduce((s: number, e: { points: number }) => s + e.points, 0);
    expect({ total: sum, redeemable }, `${step}: ${h} sum of entries`).toEqual(balance);
    expect(balance.redeemable, `${step}: ${h} never negative`).toBeGreaterThanOrEqual(0);
    expect(balance, `${step}: ${h} as the model says`).toEqual(m.balances.get(h));
  }
}

async function step(tt: ModuleTestApp, u: Users, m: Model, r: ReturnType<typeof generator>): Promise<string> {
  const cadres = [u.cadre, u.cadre2];
  const kind = r.pick([
    'claim',
    'claim',
    'approve',
    'approve',
    'reject',
    'redeem',
    'redeem',
    'reset',
  ] as const);
  if (kind === 'claim') {
    const item = r.pick(RULES);
    const household = r.pick(HOUSEHOLDS);
    const quantity = 1 + r.int(3);
    const c = await ok(tt, r.pick(cadres), 'POST /claims', { item: item.code, household, quantity });
    m.open.push({ id: c.id, household, points: item.points, quantity, first: null });
    return `claim ${item.code}x${quantity} ${household}`;
  }
  const claim = m.open.length ? m.open[r.int(m.open.length)] : undefined;
  if ((kind === 'approve' || kind === 'reject') && claim) {
    const by = r.pick(cadres);
    const res = await tt.inject({
      as: by,
      method: 'POST',
      url: `/claims/${claim.id}/${kind}`,
      payload: kind === 'reject' ? { reason: '证据不足' } : {},
    });
    const done = () => m.open.splice(m.open.indexOf(claim), 1);
    if (kind === 'reject') {
      expect(res.statusCode).toBe(200);
      done();
    } else if (claim.points > 0 || claim.first) {
      if (claim.first === by.name) {
        expect(res.json().code).toBe('POINTS_ERR_SECOND_APPROVER');
      } else {
        expect(res.statusCode, res.body).toBe(200);
        const b = m.balances.get(claim.household) as Balance;
        const wanted = claim.points * claim.quantity;
        const points = claim.points > 0 ? wanted : deductionPoints(wanted, b);
        m.balances.set(claim.household, { total: b.total + points, redeemable: b.redeemable + points });
        done();
      }
    } else {
      expect(res.json()).toEqual({ status: 'second', points: null });
      claim.first = by.name;
    }
    return `${kind} ${claim.id.slice(0, 4)} by ${by.name}`;
  }
  if (kind === 'redeem') {
    const [goods, g] = r.pick([...m.stock.entries()]);
    const household = r.pick(HOUSEHOLDS);
    const quantity = 1 + r.int(3);
    const res = await tt.inject({
      as: u.merchant,
      method: 'POST',
      url: '/redeem',
      payload: { household, goods, quantity },
    });
    const b = m.balances.get(household) as Balance;
    const cost = g.price * quantity;
    if (cost > b.redeemable) expect(res.json().code).toBe('POINTS_ERR_BALANCE');
    else if (quantity > g.stock) expect(res.json().code).toBe('POINTS_ERR_STOCK');
    else {
      expect(res.statusCode, res.body).toBe(201);
      m.balances.set(household, { total: b.total - cost, redeemable: b.redeemable - cost });
      g.stock -= quantity;
    }
    return `redeem ${quantity}x${g.price} ${household}`;
  }
  if (kind === 'reset') {
    m.year += 1;
    await ok(tt, u.cadre, 'POST /reset', { year: m.year });
    for (const [h, b] of m.balances) m.balances.set(h, { total: b.total - b.redeemable, redeemable: 0 });
    return `reset ${m.year}`;
  }
  return 'nothing open';
}

describe('the ledger under random sequences', () => {
  it.each([[1], [7], [2026]])('keeps balance = sum of entries, never negative (seed %i)', async (seed) => {
    const u = users();
    const r = generator(seed);
    await ok(t, u.cadre, 'PUT /settings', { baseScore: BASE, yearlyReset: true, masking: 'name' });
    await adoptRules(t, u);
    const m: Model = { balances: new Map(), open: [], stock: new Map(), year: 2026 };
    for (const h of HOUSEHOLDS) {
      await ok(t, u.cadre, 'POST /households', { code: h, head: `户主${h}` });
      m.balances.set(h, { total: BASE, redeemable: 0 });
    }
    for (const [price, stock] of [
      [3, 4],
      [8, 10],
    ] as const) {
      m.stock.set((await addGoods(t, u, price, stock)).id, { price, stock });
    }
    const steps = Number(process.env.CUNMEN_TEST_DB === 'postgres' ? 40 : 60);
    const kinds = new Set<string>();
    for (let i = 0; i < steps; i++) {
      const done = await step(t, u, m, r);
      kinds.add(done.split(' ')[0] as string);
      await checkLedger(m, `seed ${seed} step ${i} (${done})`);
    }
    // The sequence exercised every operation, so the property is about all of them.
    expect([...kinds].filter((k) => k !== 'nothing').sort()).toEqual([
      'approve',
      'claim',
      'redeem',
      'reject',
      'reset',
    ]);
    const rows = await t.context.db.selectFrom('points_entry').select('village').execute();
    expect(rows.every((e) => e.village === V)).toBe(true);
  });
});
