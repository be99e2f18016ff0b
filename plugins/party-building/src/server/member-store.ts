/** Members of a branch with their roles; personal data leaves unmasked only for officers (rows.ts). */
import { randomUUID } from 'node:crypto';
import { isUniqueViolation } from '@cunmen/module-api';
import { MEMBER_ROLES, type MemberBody, partyErrors } from '../common/index.js';
import type { PartyContext } from './context.js';
import type { BranchRow, MemberRow } from './rows.js';

type Db = Pick<PartyContext, 'db' | 'nowIso' | 'today'>;

function checkDays(c: Db, body: { birthDate?: string; joinedOn?: string }, prefix = '') {
  for (const field of ['birthDate', 'joinedOn'] as const) {
    const day = body[field];
    if (day && day > c.today()) throw partyErrors.error('PARTY_ERR_FUTURE_DATE', { field: prefix + field });
  }
}

async function checkAccount(c: Db, account: string | null, except?: string) {
  if (!account) return;
  const taken = await c.db
    .selectFrom('party_building_member')
    .select('id')
    .where('account', '=', account)
    .executeTakeFirst();
  if (taken && taken.id !== except) throw partyErrors.error('PARTY_ERR_ACCOUNT_TAKEN', { field: 'account' });
}

/** Inserts a member of `branch` (inside the caller's transaction when it has one). */
export async function insertMember(c: Db, branch: BranchRow, body: MemberBody): Promise<MemberRow> {
  const prefix = body.role === 'secretary' ? 'secretary.' : '';
  checkDays(c, body, prefix);
  await checkAccount(c, body.account);
  const now = c.nowIso();
  const row: MemberRow = {
    id: randomUUID(),
    village: branch.village,
    branch: branch.id,
    name: body.name,
    gender: body.gender,
    birth_date: body.birthDate,
    phone: body.phone,
    joined_on: body.joinedOn,
    role: body.role,
    status: body.status,
    account: body.account,
    created_at: now,
    updated_at: now,
  };
  try {
    await c.db.insertInto('party_building_member').values(row).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw partyErrors.error('PARTY_ERR_ACCOUNT_TAKEN', { field: 'account' });
    throw err;
  }
  return row;
}

export async function findMember(c: Db, branch: BranchRow, id: string): Promise<MemberRow> {
  const row = await c.db
    .selectFrom('party_building_member')
    .selectAll()
    .where('id', '=', id)
    .where('branch', '=', branch.id)
    .executeTakeFirst();
  if (!row) throw partyErrors.error('PARTY_ERR_MEMBER_NOT_FOUND', { field: 'member' });
  return row;
}

export async function updateMember(
  c: Db,
  member: MemberRow,
  body: { role?: MemberRow['role']; status?: MemberRow['status']; phone?: string; account?: string | null },
): Promise<MemberRow> {
  if (body.account !== undefined) await checkAccount(c, body.account, member.id);
  const set: Partial<MemberRow> = { ...body, updated_at: c.nowIso() };
  try {
    await c.db.updateTable('party_building_member').set(set).where('id', '=', member.id).execute();
  } catch (err) {
    if (isUniqueViolation(err)) throw partyErrors.error('PARTY_ERR_ACCOUNT_TAKEN', { field: 'account' });
    throw err;
  }
  return { ...member, ...set };
}

/** The branch's members, officers first (secretary, deputy, committee), then by the day they joined. */
export async function membersOf(c: Db, branch: string): Promise<MemberRow[]> {
  const rows = await c.db
    .selectFrom('party_building_member')
    .selectAll()
    .where('branch', '=', branch)
    .execute();
  const rank = (r: MemberRow) => MEMBER_ROLES.indexOf(r.role);
  return rows.sort(
    (a, b) => rank(a) - rank(b) || a.joined_on.localeCompare(b.joined_on) || a.id.localeCompare(b.id),
  );
}
