/**
 * What a widget may see of the signed-in user (`user.read`): a masked display name, the role in the
 * SDK's terms, the household. Never the login name (often a phone number), never a raw ID-card or
 * phone number: any run of 6 or more digits or letters-with-digits in the name is masked as well.
 */
import type { HostUser, HostUserRole } from '@cunmen/sdk';
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

/** `13812345678` → `138****5678`, `330521199001011234` → `330***********1234`. */
export function maskNumber(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** `张华` → `张*`, `张建华` → `张*华`, `欧阳建华` → `欧**华`, `Li Ming` → `L*****g`. */
export function maskName(name: string): string {
  // ID-card numbers (17 digits + digit or X), phones and other long numbers first.
  const withoutNumbers = name.replace(/\d[\dXx-]{5,}/g, (m) => maskNumber(m));
  const chars = Array.from(withoutNumbers.trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

export function hostUser(user: IdentityUser, publicId: string): HostUser {
  return {
    id: publicId,
    displayName: maskName(user.displayName),
    role: ROLE[user.role],
    ...(user.household ? { householdId: user.household } : {}),
  };
}
