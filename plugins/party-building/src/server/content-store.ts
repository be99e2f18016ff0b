/**
 * What a branch publishes — news (public), notices and study materials (members only), the pioneer
 * showcase (先锋榜, public) — and party members' points: appended for attending (meeting-store.ts), for
 * finishing a study material (once each) and for activities an officer records. A member's points are
 * the sum of their entries; nothing is stored as a free total.
 */
import { randomUUID } from 'node:crypto';
import { isUniqueViolation, toCount } from '@cunmen/module-api';
import { type PostKind, partyErrors, STUDY_POINTS } from '../common/index.js';
import type { PartyContext } from './context.js';
import type { BranchRow, MemberRow, PioneerRow, PointsRow, PostRow } from './rows.js';

export async function addPost(
  c: PartyContext,
  branch: BranchRow,
  by: string,
  body: { kind: PostKind; title: string; body: string },
) {
  const row: PostRow = {
    id: randomUUID(),
    village: branch.village,
    branch: branch.id,
    kind: body.kind,
    title: body.title,
    body: body.body,
    author: by,
    published_at: c.nowIso(),
  };
  await c.db.insertInto('party_building_post').values(row).execute();
  return row;
}

export async function findPost(c: PartyContext, village: string, id: string): Promise<PostRow> {
  const row = await c.db
    .selectFrom('party_building_post')
    .selectAll()
    .where('id', '=', id)
    .where('village', '=', village)
    .executeTakeFirst();
  if (!row) throw partyErrors.error('PARTY_ERR_POST_NOT_FOUND', { field: 'post' });
  return row;
}

export async function postsOf(
  c: PartyContext,
  where: { village?: string; branch?: string },
  kinds: PostKind[],
) {
  let q = c.db.selectFrom('party_building_post').selectAll().where('kind', 'in', kinds);
  if (where.village) q = q.where('village', '=', where.village);
  if (where.branch) q = q.where('branch', '=', where.branch);
  return q.orderBy('published_at', 'desc').orderBy('id').limit(50).execute();
}

export async function addPioneer(
  c: PartyContext,
  branch: BranchRow,
  member: MemberRow,
  body: { honour: string; story: string; year: number },
) {
  const row: PioneerRow = {
    id: randomUUID(),
    village: branch.village,
    branch: branch.id,
    member: member.id,
    name: member.name,
    honour: body.honour,
    story: body.story,
    year: body.year,
    created_at: c.nowIso(),
  };
  await c.db.insertInto('party_building_pioneer').values(row).execute();
  return row;
}

export async function pioneersOf(c: PartyContext, village: string) {
  return c.db
    .selectFrom('party_building_pioneer')
    .selectAll()
    .where('village', '=', village)
    .orderBy('year', 'desc')
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

/** Points for an activity an officer vouches for (volunteering, helping a household in need …). */
export async function awardPoints(
  c: PartyContext,
  branch: BranchRow,
  member: MemberRow,
  by: string,
  body: { points: number; reason: string },
): Promise<PointsRow> {
  const id = randomUUID();
  const row: PointsRow = {
    id,
    village: branch.village,
    branch: branch.id,
    member: member.id,
    points: body.points,
    source: 'activity',
    ref: id,
    reason: body.reason,
    approver: by,
    at: c.nowIso(),
  };
  await c.db.insertInto('party_building_points').values(row).execute();
  return row;
}

/** A member finished a study material of their branch: one point, once (a repeat changes nothing). */
export async function finishStudy(c: PartyContext, member: MemberRow, post: PostRow) {
  if (post.kind !== 'study' || post.branch !== member.branch) {
    throw partyErrors.error('PARTY_ERR_POST_NOT_FOUND', { field: 'post' });
  }
  try {
    await c.db
      .insertInto('party_building_points')
      .values({
        id: randomUUID(),
        village: member.village,
        branch: member.branch,
        member: member.id,
        points: STUDY_POINTS,
        source: 'study',
        ref: post.id,
        reason: `学习：${post.title}`,
        approver: null,
        at: c.nowIso(),
      })
      .execute();
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    throw err;
  }
}

export async function entriesOf(c: PartyContext, member: string) {
  return c.db
    .selectFrom('party_building_points')
    .selectAll()
    .where('member', '=', member)
    .orderBy('at', 'desc')
    .orderBy('id')
    .execute();
}

/** Each member's points in the branch, highest first (derived from the entries). */
export async function pointsBoard(c: PartyContext, branch: string) {
  const sums = await c.db
    .selectFrom('party_building_points')
    .select(['member', (eb) => eb.fn.sum<string>('points').as('total')])
    .where('branch', '=', branch)
    .groupBy('member')
    .execute();
  const members = await c.db
    .selectFrom('party_building_member')
    .select(['id', 'name'])
    .where('branch', '=', branch)
    .execute();
  return members
    .map((m) => ({ member: m.id, name: m.name, total: toCount(sums.find((s) => s.member === m.id)?.total) }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN'));
}
