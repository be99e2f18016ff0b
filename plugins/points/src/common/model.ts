/** The vocabulary of 积分制 the server answers with and the widgets render. */

/** What an entry of a household's ledger records. */
export const ENTRY_KINDS = ['base', 'award', 'deduction', 'redemption', 'reset'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const CLAIM_SOURCES = ['resident', 'cadre', 'widget'] as const;
export type ClaimSource = (typeof CLAIM_SOURCES)[number];

/** `second` = a deduction one committee member approved, waiting for another. */
export const CLAIM_STATUSES = ['pending', 'second', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** How households appear on public boards: the head's masked name (张**) or the household number only. */
export const MASKING = ['name', 'household'] as const;
export type Masking = (typeof MASKING)[number];

export interface RuleItem {
  /** Short key, unique within a version (`R01`); claims name it. */
  code: string;
  title: string;
  /** Positive for an award, negative for a deduction. */
  points: number;
  /** What proves it (照片、村民小组长证明 …). */
  evidence: string;
  /** Who proposed it (a villager, a group, the committee). */
  proposer: string;
}

export interface AssemblyRecord {
  /** The day of the villagers' assembly (村民会议 or 村民代表会议). */
  date: string;
  attendance: number;
  votesFor: number;
  votesAgainst: number;
  abstaining: number;
}

export interface RuleBook {
  version: number;
  /** The day from which the version applies; entries before it keep the version they were made under. */
  adoptedOn: string;
  assembly: AssemblyRecord;
  items: RuleItem[];
  recordedBy: string;
  recordedAt: string;
}

export interface Balance {
  /** Every entry's points: the household's score. */
  total: number;
  /** What may be spent in the shop (the score less the non-redeemable base). */
  redeemable: number;
}

export interface LedgerEntry {
  seq: number;
  at: string;
  kind: EntryKind;
  itemCode: string | null;
  itemTitle: string | null;
  points: number;
  redeemable: boolean;
  evidence: string | null;
  approver: string | null;
  secondApprover: string | null;
  ruleBookVersion: number | null;
  note: string | null;
}

export interface Claim {
  id: string;
  household: string;
  itemCode: string;
  itemTitle: string;
  points: number;
  quantity: number;
  ruleBookVersion: number;
  evidence: string | null;
  photo: string | null;
  source: ClaimSource;
  claimant: string;
  status: ClaimStatus;
  firstApprover: string | null;
  secondApprover: string | null;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface Goods {
  id: string;
  name: string;
  price: number;
  stock: number;
  active: boolean;
}

export interface Settings {
  /** The non-redeemable score every household starts with (0: none). */
  baseScore: number;
  /** Whether the committee resets redeemable points at the start of each year. */
  yearlyReset: boolean;
  masking: Masking;
}

export const DEFAULT_SETTINGS: Settings = { baseScore: 0, yearlyReset: false, masking: 'name' };

export interface BoardRow {
  rank: number;
  /** Masked per the village's policy. */
  name: string;
  points: number;
}

export interface MonthSummary {
  month: string;
  awarded: number;
  deducted: number;
  redeemed: number;
  households: number;
  top: BoardRow[];
  items: { code: string; title: string; times: number; points: number }[];
}

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** Photos one resident may upload per China-time day (a claim takes one; retakes are allowed for). */
export const PHOTOS_PER_DAY = 30;
