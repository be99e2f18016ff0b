/** Who may do what. Authority flows down the division-code prefix. */
import {
  canActOn,
  type ModuleCaller,
  type ModuleRole,
  type ModuleUser,
  requireRole,
} from '@cunmen/module-api';
import { type ActorRole, affairsErrors } from '../common/index.js';

/** Cadre-side reads (and the unmasked originals): the village's cadres and supervisors, staff above. */
export const READ_ROLES: readonly ModuleRole[] = [
  'village-cadre',
  'supervisor',
  'township-staff',
  'county-admin',
];
/** Dashboards: the above and the province. */
export const DASHBOARD_ROLES: readonly ModuleRole[] = [...READ_ROLES, 'province-maintainer'];

export function canRead(user: ModuleUser, village: string): void {
  requireRole(user, READ_ROLES, village);
}

/** Drafting and the village's own steps: a cadre of this very village, in its own console. */
export function requireVillageCadre(user: ModuleUser, caller: ModuleCaller, village: string): void {
  requireRole(user, ['village-cadre'], village);
  if (caller.village !== village) throw affairsErrors.error('AFFAIRS_ERR_ITEM_NOT_FOUND');
}

export function actorRole(user: ModuleUser): ActorRole {
  return user.role === 'village-cadre' || user.role === 'supervisor' ? user.role : 'other';
}

export { canActOn };
