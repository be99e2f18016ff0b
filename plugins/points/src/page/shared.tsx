/** What the resident pages share: their route, a vertical stack, and the answer shapes they read. */
import type { Balance, Claim, Goods, LedgerEntry, RuleBook } from '../common/model.js';

export const ROUTE = '/points';

export const stack = { display: 'flex', flexDirection: 'column', gap: 12 } as const;

export interface MeAnswer {
  household: string;
  balance: Balance;
  entries: LedgerEntry[];
  claims: Claim[];
}

export interface RuleBookAnswer {
  inForce: RuleBook | null;
  versions: RuleBook[];
}

export interface GoodsAnswer {
  items: Goods[];
}

/** Signed points as people write them: +10, −5. */
export const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '0');
