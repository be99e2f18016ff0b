/**
 * Who the caller is and what they may see. A resident sees only their own cases; staff and readers
 * (village cadre, township staff, county admin, supervisor, province maintainer) see the cases of the
 * villages their division covers. A case outside what the caller may see is a 404 (its existence is
 * not revealed); a visible case the caller may not act on is a 403.
 */
import { callerOf, type ModuleUser, userOf } from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import { complaintsErrors, isReader, within } from '../common/index.js';
import type { ComplaintsContext } from './context.js';
import type { CaseRow } from './rows.js';
import { findCase } from './store.js';
import { sweep } from './sweep.js';

export const roleError = (en: string) => complaintsErrors.error('COMPLAINTS_ERR_ROLE', { en });

/** The signed-in user who may read staff views (queue, details, metrics, settings). */
export function readerOf(request: FastifyRequest): ModuleUser {
  const user = userOf(request);
  if (!isReader(user)) throw roleError(`role ${user.role} may not read the complaints queue`);
  return user;
}

/** The signed-in resident of the portal's own village. */
export function residentOf(request: FastifyRequest): { user: ModuleUser; village: string } {
  const caller = callerOf(request);
  const user = userOf(request);
  if (user.role !== 'resident') throw roleError(`role ${user.role} cannot submit or rate as a resident`);
  if (user.division !== caller.village) {
    throw complaintsErrors.error('COMPLAINTS_ERR_OTHER_VILLAGE', {
      en: `resident of ${user.division} in the portal of ${caller.village}`,
    });
  }
  return { user, village: caller.village };
}

/** The case if `user` may see it (resident owner, or a reader whose division covers the village); else 404. */
export async function visibleCase(c: ComplaintsContext, id: string, user: ModuleUser): Promise<CaseRow> {
  const found = await findCase(c, id);
  if (!found) throw complaintsErrors.error('COMPLAINTS_ERR_NOT_FOUND');
  const mine = user.role === 'resident' && found.resident_id === user.id && found.village === user.division;
  const inScope = isReader(user) && within(user.division, found.village);
  if (!mine && !inScope) throw complaintsErrors.error('COMPLAINTS_ERR_NOT_FOUND');
  await sweep(c, found.village);
  return (await findCase(c, id)) as CaseRow;
}
