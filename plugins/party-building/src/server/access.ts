/**
 * Who may do what in a village's party organisation. A branch is run by its officers — the members
 * whose role is secretary, deputy or committee member and whose record is linked to the caller's
 * sign-in name — whatever their shell role (a 支委 may be a villager with a resident account, a cadre
 * who is no officer of the branch may not act for it). Only officers see members' personal data.
 * Village cadres create branches and, with township and county staff above the village, read them
 * (members masked). Members reach the member side by the same link. A user of another village is told
 * so (`PARTY_ERR_OTHER_VILLAGE`), other roles get `PARTY_ERR_ROLE`, nobody signed in
 * `MODULE_ERR_SIGN_IN_REQUIRED`.
 */
import { callerOf, canActOn, type ModuleRole, type ModuleUser, userOf } from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import { isOfficerRole, partyErrors } from '../common/index.js';
import type { PartyContext } from './context.js';
import type { BranchRow, MemberRow } from './rows.js';

export interface Actor {
  user: ModuleUser;
  village: string;
  ip: string;
}

const READERS: readonly ModuleRole[] = ['village-cadre', 'township-staff', 'county-admin'];
/** The shell roles a party member or officer of a village signs in with. */
const VILLAGERS: readonly ModuleRole[] = ['village-cadre', 'resident'];

function actorAs(request: FastifyRequest, roles: readonly ModuleRole[], scoped: boolean): Actor {
  const caller = callerOf(request);
  const user = userOf(request);
  if (!roles.includes(user.role)) {
    throw partyErrors.error('PARTY_ERR_ROLE', { en: `role ${user.role} may not do this` });
  }
  const ok = scoped ? canActOn(user.division, caller.village) : user.division === caller.village;
  if (!ok) {
    throw partyErrors.error('PARTY_ERR_OTHER_VILLAGE', {
      en: `${user.role} of ${user.division} in the portal of ${caller.village}`,
    });
  }
  return { user, village: caller.village, ip: caller.ip };
}

/** A village cadre of the portal's village (creates branches). */
export const cadreOf = (request: FastifyRequest) => actorAs(request, ['village-cadre'], false);

/** The village's cadres, or township and county staff above it (read only, members masked). */
export const readerOf = (request: FastifyRequest) => actorAs(request, READERS, true);

export async function findBranch(c: PartyContext, village: string, id: string): Promise<BranchRow> {
  const row = await c.db
    .selectFrom('party_building_branch')
    .selectAll()
    .where('id', '=', id)
    .where('village', '=', village)
    .executeTakeFirst();
  if (!row) throw partyErrors.error('PARTY_ERR_BRANCH_NOT_FOUND', { field: 'branch' });
  return row;
}

/** The member record linked to the user's sign-in name in the village, if any. */
export async function linkedMember(c: PartyContext, village: string, user: ModuleUser) {
  return (
    (await c.db
      .selectFrom('party_building_member')
      .selectAll()
      .where('account', '=', user.name)
      .where('village', '=', village)
      .executeTakeFirst()) ?? null
  );
}

export interface Officer extends Actor {
  branch: BranchRow;
  member: MemberRow;
}

/** An officer of the branch named in the path: the one who plans, records, publishes and sees data. */
export async function officerOf(
  c: PartyContext,
  request: FastifyRequest,
  branchId: string,
): Promise<Officer> {
  const actor = actorAs(request, VILLAGERS, false);
  const branch = await findBranch(c, actor.village, branchId);
  const member = await linkedMember(c, actor.village, actor.user);
  if (!member || member.branch !== branch.id || !isOfficerRole(member.role)) {
    throw partyErrors.error('PARTY_ERR_NOT_OFFICER', {
      en: `${actor.user.name} is not an officer of branch ${branch.name}`,
    });
  }
  return { ...actor, branch, member };
}

export interface Member extends Actor {
  member: MemberRow;
}

/** A signed-in party member of the village (the member side of the portal). */
export async function memberOf(c: PartyContext, request: FastifyRequest): Promise<Member> {
  const actor = actorAs(request, VILLAGERS, false);
  const member = await linkedMember(c, actor.village, actor.user);
  if (!member) throw partyErrors.error('PARTY_ERR_NOT_MEMBER');
  return { ...actor, member };
}

export interface Viewer extends Actor {
  branch: BranchRow;
  /** Whether the viewer is an officer of the branch (sees members' personal data). */
  officer: boolean;
}

/**
 * Someone who may read a branch's records: its officers and members, the village's cadres and the
 * staff above the village. Others are refused by role, village or membership.
 */
export async function viewerOf(c: PartyContext, request: FastifyRequest, branchId: string): Promise<Viewer> {
  const caller = callerOf(request);
  const user = userOf(request);
  if (READERS.includes(user.role) && user.role !== 'village-cadre') {
    const actor = readerOf(request);
    return { ...actor, branch: await findBranch(c, actor.village, branchId), officer: false };
  }
  const actor = actorAs(request, VILLAGERS, false);
  const branch = await findBranch(c, caller.village, branchId);
  const member = await linkedMember(c, actor.village, user);
  const inBranch = member?.branch === branch.id;
  if (inBranch && member && isOfficerRole(member.role)) return { ...actor, branch, officer: true };
  if (inBranch || user.role === 'village-cadre') return { ...actor, branch, officer: false };
  throw partyErrors.error('PARTY_ERR_NOT_MEMBER');
}
