/** Row shapes of the module's tables and their mapping to the API answers. */
import type { Claim, ClaimSource, ClaimStatus, EntryKind, Goods, LedgerEntry } from '../common/index.js';

export interface RuleBookRow {
  village: string;
  version: number;
  adopted_on: string;
  assembly_date: string;
  attendance: number;
  votes_for: number;
  votes_against: number;
  abstaining: number;
  recorded_by: string;
  recorded_at: string;
}

export interface ItemRow {
  village: string;
  version: number;
  code: string;
  position: number;
  title: string;
  points: number;
  evidence: string;
  proposer: string;
}

export interface HouseholdRow {
  village: string;
  code: string;
  head: string;
  seq: number;
  registered_at: string;
}

export interface EntryRow {
  village: string;
  household: string;
  seq: number;
  at: string;
  kind: EntryKind;
  item_code: string | null;
  item_title: string | null;
  points: number;
  redeemable: number;
  evidence: string | null;
  approver: string | null;
  second_approver: string | null;
  rulebook_version: number | null;
  claim_id: string | null;
  goods_id: string | null;
  quantity: number | null;
  year: number | null;
  note: string | null;
}

export interface ClaimRow {
  id: string;
  village: string;
  household: string;
  item_code: string;
  item_title: string;
  points: number;
  quantity: number;
  rulebook_version: number;
  evidence: string | null;
  photo: string | null;
  source: ClaimSource;
  claimant: string;
  claimant_id: number | null;
  request_ref: string | null;
  status: ClaimStatus;
  first_approver: string | null;
  second_approver: string | null;
  reason: string | null;
  created_at: string;
  decided_at: string | null;
}

export interface PhotoRow {
  id: string;
  village: string;
  uploader_id: number;
  sha256: string;
  mime: string;
  size: number;
  claim_id: string | null;
  created_at: string;
}

export interface GoodsRow {
  id: string;
  village: string;
  name: string;
  price: number;
  stock: number;
  active: number;
  updated_at: string;
}

export interface SettingsRow {
  village: string;
  settings: string;
  updated_at: string;
  updated_by: string;
}

export const toEntry = (r: EntryRow): LedgerEntry => ({
  seq: r.seq,
  at: r.at,
  kind: r.kind,
  itemCode: r.item_code,
  itemTitle: r.item_title,
  points: r.points,
  redeemable: r.redeemable === 1,
  evidence: r.evidence,
  approver: r.approver,
  secondApprover: r.second_approver,
  ruleBookVersion: r.rulebook_version,
  note: r.note,
});

export const toClaim = (r: ClaimRow): Claim => ({
  id: r.id,
  household: r.household,
  itemCode: r.item_code,
  itemTitle: r.item_title,
  points: r.points,
  quantity: r.quantity,
  ruleBookVersion: r.rulebook_version,
  evidence: r.evidence,
  photo: r.photo,
  source: r.source,
  claimant: r.claimant,
  status: r.status,
  firstApprover: r.first_approver,
  secondApprover: r.second_approver,
  reason: r.reason,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
});

export const toGoods = (r: GoodsRow): Goods => ({
  id: r.id,
  name: r.name,
  price: r.price,
  stock: r.stock,
  active: r.active === 1,
});
