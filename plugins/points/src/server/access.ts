/**
 * Who may do what in a village's points: residents claim for their own household; the village's
 * committee (village cadres) keeps the rule book, decides claims, stocks the shop; its merchant redeems;
 * township and county staff above the village may read the queue, the ledgers and the export. A user of
 * the right role from another village is told so (`POINTS_ERR_OTHER_VILLAGE`), any other role gets
 * `POINTS_ERR_ROLE`; nobody signed in gets `MODULE_ERR_SIGN_IN_REQUIRED`.
 */
import { callerOf, canActOn, type ModuleRole, type ModuleUser, userOf } from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import { pointsErrors } from '../common/index.js';

export interface Actor {
  user: ModuleUser;
  village: string;
  ip: string;
}

const READERS: readonly ModuleRole[] = ['village-cadre', 'township-staff', 'county-admin'];

function actorAs(request: FastifyRequest, roles: readonly ModuleRole[], scoped: boolean): Actor {
  const caller = callerOf(request);
  const user = userOf(request);
  if (!roles.includes(user.role)) {
    throw pointsErrors.error('POINTS_ERR_ROLE', { en: `role ${user.role} may not do this` });
  }
  const ok = scoped ? canActOn(user.division, caller.village) : user.division === caller.village;
  if (!ok) {
    throw pointsErrors.error('POINTS_ERR_OTHER_VILLAGE', {
      en: `${user.role} of ${user.division} in the portal of ${caller.village}`,
    });
  }
  return { user, village: caller.village, ip: caller.ip };
}

/** A member of the village committee of the portal's village: the one who decides and records. */
export const committeeOf = (request: FastifyRequest) => actorAs(request, ['village-cadre'], false);

/** The committee, or staff of the township or county above the village (read only). */
export const readerOf = (request: FastifyRequest) => actorAs(request, READERS, true);

export const residentOf = (request: FastifyRequest) => actorAs(request, ['resident'], false);

export const merchantOf = (request: FastifyRequest) => actorAs(request, ['merchant'], false);

/** The resident or a committee member (who may claim for any household of the village). */
export const claimantOf = (request: FastifyRequest) => actorAs(request, ['resident', 'village-cadre'], false);

/**
 * A resident whose account has joined no household yet (the village cadre has not approved their join
 * request): the household refusal, in words that say what to do — reading or claiming for a household
 * needs one of their own.
 */
export function notJoined() {
  return pointsErrors.error('POINTS_ERR_HOUSEHOLD', {
    en: 'household: the resident has not joined a household yet (join request not approved)',
    zh: '请先加入您的家庭：在门户申请入户，村干部审核通过后即可查看和申请我家的积分',
    field: 'household',
  });
}
