/**
 * Claims and the committee's decisions on them. A claim names an item of the rule book in force and a
 * household of the village; it changes no ledger until approved. An award needs one committee member;
 * a deduction needs two different ones (the first moves it to `second`). Every decision is a
 * conditional update on the status the decider saw, so two members deciding at once cannot both win.
 */
import { randomUUID } from 'node:crypto';
import type { ModuleUser } from '@cunmen/module-api';
import {
  type ClaimSource,
  type ClaimStatus,
  deductionPoints,
  kindOfItem,
  pointsErrors,
} from '../common/index.js';
import type { Db, PointsContext } from './context.js';
import { appendEntry, EMPTY_ENTRY } from './ledger-store.js';
import type { ClaimRow } from './rows.js';
import { bookInForce, findHousehold, registerIn } from './village-store.js';

export interface NewClaim {
  village: string;
  household: string;
  item: string;
  quantity: number;
  evidence: string | null;
  photo: string | null;
  source: ClaimSource;
  claimant: string;
  claimantId: number | null;
  requestRef?: string;
  /** A resident's (or a widget's) household is registered with the claim, under this head's name. */
  registerAs?: string;
}

export async function createClaim(c: PointsContext, n: NewClaim): Promise<ClaimRow> {
  const book = await bookInForce(c, n.village);
  const item = book.items.find((i) => i.code === n.item);
  if (!item) throw pointsErrors.error('POINTS_ERR_ITEM', { field: 'item' });
  if (n.registerAs === undefined && !(await findHousehold(c.db, n.village, n.household))) {
    throw pointsErrors.error('POINTS_ERR_HOUSEHOLD', { field: 'household' });
  }
  const row: ClaimRow = {
    id: randomUUID(),
    village: n.village,
    household: n.household,
    item_code: item.code,
    item_title: item.title,
    points: item.points,
    quantity: n.quantity,
    rulebook_version: book.version,
    evidence: n.evidence,
    photo: n.photo,
    source: n.source,
    claimant: n.claimant,
    claimant_id: n.claimantId,
    request_ref: n.requestRef ?? null,
    status: 'pending',
    first_approver: null,
    second_approver: null,
    reason: null,
    created_at: c.nowIso(),
    decided_at: null,
  };
  await c.db.transaction().execute(async (trx) => {
    if (n.photo) {
      // The photo must be the claimant's own, unused one; taking it is conditional on it being free.
      const taken = await trx
        .updateTable('points_photo')
        .set({ claim_id: row.id })
        .where('id', '=', n.photo)
        .where('village', '=', n.village)
        .where('uploader_id', '=', n.claimantId ?? -1)
        .where('claim_id', 'is', null)
        .executeTakeFirst();
      if (Number(taken.numUpdatedRows) !== 1) {
        throw pointsErrors.error('POINTS_ERR_PHOTO_UNKNOWN', { field: 'photo' });
      }
    }
    if (n.registerAs !== undefined)
      await registerIn(trx, n.village, n.household, n.registerAs, row.created_at);
    await trx.insertInto('points_claim').values(row).execute();
  });
  return row;
}

export async function findClaim(db: Db, village: string, id: string): Promise<ClaimRow> {
  const row = await db
    .selectFrom('points_claim')
    .selectAll()
    .where('id', '=', id)
    .where('village', '=', village)
    .executeTakeFirst();
  if (!row) throw pointsErrors.error('POINTS_ERR_CLAIM_NOT_FOUND');
  return row;
}

/** Moves the claim from `from` to `to` unless someone decided it meanwhile. */
async function transition(
  trx: Db,
  claim: ClaimRow,
  from: ClaimStatus,
  set: Partial<ClaimRow> & { status: ClaimStatus },
): Promise<void> {
  const res = await trx
    .updateTable('points_claim')
    .set(set)
    .where('id', '=', claim.id)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) throw pointsErrors.error('POINTS_ERR_DECIDED');
}

export type Decision = { status: ClaimStatus; points: number | null };

/** Approves (or, for a deduction's first approval, countersigns) the claim. */
export async function approveClaim(
  c: PointsContext,
  village: string,
  id: string,
  user: ModuleUser,
): Promise<Decision> {
  const claim = await findClaim(c.db, village, id);
  if (claim.status === 'approved' || claim.status === 'rejected') {
    throw pointsErrors.error('POINTS_ERR_DECIDED');
  }
  const at = c.nowIso();
  const deduction = claim.points < 0;
  if (deduction && claim.status === 'pending') {
    await transition(c.db, claim, 'pending', { status: 'second', first_approver: user.name });
    return { status: 'second', points: null };
  }
  if (deduction && claim.first_approver === user.name) {
    throw pointsErrors.error('POINTS_ERR_SECOND_APPROVER');
  }
  return c.db.transaction().execute(async (trx) => {
    const first = deduction ? claim.first_approver : user.name;
    const second = deduction ? user.name : null;
    await transition(trx, claim, claim.status, {
      status: 'approved',
      first_approver: first,
      second_approver: second,
      decided_at: at,
    });
    const { entry } = await appendEntry(trx, village, claim.household, at, (balance) => {
      const wanted = claim.points * claim.quantity;
      const points = deduction ? deductionPoints(wanted, balance) : wanted;
      return {
        ...EMPTY_ENTRY,
        kind: kindOfItem(claim.points),
        item_code: claim.item_code,
        item_title: claim.item_title,
        points,
        redeemable: 1,
        evidence: claim.evidence ?? (claim.photo ? `照片 ${claim.photo}` : null),
        approver: first,
        second_approver: second,
        rulebook_version: claim.rulebook_version,
        claim_id: claim.id,
        quantity: claim.quantity,
        note: points === wanted ? null : `应扣 ${-wanted} 分，可兑换积分仅余 ${-points} 分`,
      };
    });
    return { status: 'approved' as const, points: entry.points };
  });
}

export async function rejectClaim(
  c: PointsContext,
  village: string,
  id: string,
  user: ModuleUser,
  reason: string,
): Promise<void> {
  if (!reason) throw pointsErrors.error('POINTS_ERR_REASON_REQUIRED', { field: 'reason' });
  const claim = await findClaim(c.db, village, id);
  if (claim.status === 'approved' || claim.status === 'rejected') {
    throw pointsErrors.error('POINTS_ERR_DECIDED');
  }
  await transition(c.db, claim, claim.status, {
    status: 'rejected',
    reason,
    second_approver: claim.first_approver ? user.name : null,
    first_approver: claim.first_approver ?? user.name,
    decided_at: c.nowIso(),
  });
}
