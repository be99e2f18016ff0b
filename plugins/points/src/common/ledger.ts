/**
 * The arithmetic of a household's ledger, shared by the server (which enforces it inside a transaction)
 * and the property tests (which check it against random histories): the balance is always derived from
 * the entries, never stored.
 */
import type { Balance, EntryKind } from './model.js';

export interface EntryPoints {
  points: number;
  redeemable: boolean;
}

export function balanceOf(entries: readonly EntryPoints[]): Balance {
  let total = 0;
  let redeemable = 0;
  for (const e of entries) {
    total += e.points;
    if (e.redeemable) redeemable += e.points;
  }
  return { total, redeemable };
}

/**
 * The points a deduction takes: the rule book's value, but never more than the household's redeemable
 * points, so no balance goes below zero (the ledger notes the cap; the base score is not taken).
 */
export function deductionPoints(itemPoints: number, balance: Balance): number {
  return Math.max(itemPoints, 0 - Math.max(balance.redeemable, 0));
}

/** The entry a yearly reset appends: the redeemable points back to zero; the base stays. */
export function resetPoints(balance: Balance): number {
  return 0 - balance.redeemable;
}

/** Whether a redemption of `cost` fits the balance. */
export const affordable = (balance: Balance, cost: number): boolean => cost <= balance.redeemable;

/** The entry kind for approved points: an award or a deduction, by the sign in the rule book. */
export const kindOfItem = (points: number): EntryKind => (points < 0 ? 'deduction' : 'award');
