// @vitest-environment node
/** The ledger arithmetic and China-time days, as pure rules. */
import { describe, expect, it } from 'vitest';
import { chinaDay, isDay, monthRange } from './day.js';
import { affordable, balanceOf, deductionPoints, resetPoints } from './ledger.js';

describe('balanceOf', () => {
  it('sums every entry, and only the redeemable ones for what may be spent', () => {
    const b = balanceOf([
      { points: 60, redeemable: false },
      { points: 10, redeemable: true },
      { points: -4, redeemable: true },
    ]);
    expect(b).toEqual({ total: 66, redeemable: 6 });
    expect(affordable(b, 6)).toBe(true);
    expect(affordable(b, 7)).toBe(false);
    expect(resetPoints(b)).toBe(-6);
  });

  it.each([
    [-10, 25, -10],
    [-10, 4, -4],
    [-10, 0, 0],
  ])('takes a deduction of %i from %i redeemable as %i', (item, redeemable, taken) => {
    expect(deductionPoints(item, { total: 100, redeemable })).toBe(taken);
  });
});

describe('China-time days', () => {
  it('counts the day from midnight in Beijing', () => {
    expect(chinaDay('2026-11-01T15:59:59Z')).toBe('2026-11-01');
    expect(chinaDay('2026-11-01T16:00:00Z')).toBe('2026-11-02');
    expect(monthRange('2026-12')).toEqual(['2026-11-30T16:00:00.000Z', '2026-12-31T16:00:00.000Z']);
    expect([isDay('2026-02-28'), isDay('2026-02-30'), isDay('2026-2-1'), isDay('1968-13-01')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
