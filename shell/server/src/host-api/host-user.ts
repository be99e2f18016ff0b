/**
 * What a widget may see of the signed-in user (`user.read`): the display name masked by the one
 * de-identification policy (`@cunmen/pii`'s `maskName`: the surname stays, every other character —
 * digits of a phone or ID-card number in it too — becomes `*`), the role in the SDK's terms, the
 * household. Never the login name (often a phone number).
 */
import type { HostUser, HostUserRole } from '@cunmen/host-api';
import { maskName } from '@cunmen/pii';
import type { IdentityUser } from '../identity/store.js';

const ROLE: Record<IdentityUser['role'], HostUserRole> = {
  resident: 'resident',
  'village-cadre': 'cadre',
  supervisor: 'supervisor',
  merchant: 'merchant',
  'township-staff': 'township',
  'county-admin': 'county',
  'county-developer': 'county',
  'province-maintainer': 'province',
};

export function hostUser(user: IdentityUser, publicId: string): HostUser {
  return {
    id: publicId,
    displayName: maskName(user.displayName),
    role: ROLE[user.role],
    ...(user.household ? { householdId: user.household } : {}),
  };
}
