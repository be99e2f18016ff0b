/** Branches: created by a village cadre with their secretary, run by their officers; the due list. */
import { randomUUID } from 'node:crypto';
import { isUniqueViolation, toCount } from '@cunmen/module-api';
import { type BranchBody, type DueItem, dueList, partyErrors } from '../common/index.js';
import type { PartyContext } from './context.js';
import { insertMember } from './member-store.js';
import type { BranchRow } from './rows.js';

export function branchOut(row: BranchRow) {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    phone: row.phone,
    trackingFrom: row.tracking_from,
    hasGroups: row.has_groups === 1,
  };
}

export async function createBranch(c: PartyContext, village: string, body: BranchBody) {
  if (body.trackingFrom > c.today()) {
    throw partyErrors.error('PARTY_ERR_FUTURE_DATE', { field: 'trackingFrom' });
  }
  const now = c.nowIso();
  const row: BranchRow = {
    id: randomUUID(),
    village,
    name: body.name,
    address: body.address,
    phone: body.phone,
    tracking_from: body.trackingFrom,
    has_groups: body.hasGroups ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  try {
    return await c.db.transaction().execute(async (trx) => {
      const same = await trx
        .selectFrom('party_building_branch')
        .select('id')
        .where('village', '=', village)
        .where('name', '=', body.name)
        .executeTakeFirst();
      if (same) throw partyErrors.error('PARTY_ERR_BRANCH_EXISTS', { field: 'name' });
      await trx.insertInto('party_building_branch').values(row).execute();
      const secretary = await insertMember({ ...c, db: trx }, row, { ...body.secretary, role: 'secretary' });
      return { branch: row, secretary };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw partyErrors.error('PARTY_ERR_BRANCH_EXISTS', { field: 'name' });
    throw err;
  }
}

export async function updateBranch(
  c: PartyContext,
  branch: BranchRow,
  body: { name?: string; address?: string; phone?: string; hasGroups?: boolean },
) {
  const set: Partial<BranchRow> = { updated_at: c.nowIso() };
  if (body.name !== undefined) set.name = body.name;
  if (body.address !== undefined) set.address = body.address;
  if (body.phone !== undefined) set.phone = body.phone;
  if (body.hasGroups !== undefined) set.has_groups = body.hasGroups ? 1 : 0;
  if (body.name !== undefined && body.name !== branch.name) {
    const same = await c.db
      .selectFrom('party_building_branch')
      .select('id')
      .where('village', '=', branch.village)
      .where('name', '=', body.name)
      .executeTakeFirst();
    if (same) throw partyErrors.error('PARTY_ERR_BRANCH_EXISTS', { field: 'name' });
  }
  await c.db.updateTable('party_building_branch').set(set).where('id', '=', branch.id).execute();
  return { ...branch, ...set } as BranchRow;
}

/** The village's branches with their public contact, secretary and member count. */
export async function branchesOf(c: PartyContext, village: string) {
  const rows = await c.db
    .selectFrom('party_building_branch')
    .selectAll()
    .where('village', '=', village)
    .orderBy('created_at')
    .orderBy('name')
    .execute();
  const counts = await c.db
    .selectFrom('party_building_member')
    .select(['branch', (eb) => eb.fn.countAll().as('n')])
    .where('village', '=', village)
    .groupBy('branch')
    .execute();
  const secretaries = await c.db
    .selectFrom('party_building_member')
    .select(['branch', 'name'])
    .where('village', '=', village)
    .where('role', '=', 'secretary')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({
    ...branchOut(r),
    secretary: secretaries.find((s) => s.branch === r.id)?.name ?? '',
    memberCount: toCount(counts.find((n) => n.branch === r.id)?.n),
  }));
}

/** What the branch must still hold: unmet periods since tracking began, this one due, earlier overdue. */
export async function dueOf(c: PartyContext, branch: BranchRow): Promise<DueItem[]> {
  const meetings = await c.db
    .selectFrom('party_building_meeting')
    .select(['id', 'kind', 'status', 'held_on', 'planned_on'])
    .where('branch', '=', branch.id)
    .execute();
  return dueList({
    trackingFrom: branch.tracking_from,
    today: c.today(),
    hasGroups: branch.has_groups === 1,
    held: meetings.flatMap((m) => (m.held_on ? [{ kind: m.kind, heldOn: m.held_on }] : [])),
    planned: meetings
      .filter((m) => m.status === 'planned')
      .map((m) => ({ id: m.id, kind: m.kind, plannedOn: m.planned_on })),
  });
}
