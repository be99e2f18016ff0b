/**
 * The roles of DESIGN.md "Users" and how far each reaches. Authority flows down the division-code
 * prefix: a county admin of 330521 acts on 330521…, never on 330522….
 */
import { isWithinDivision } from '@cunmen/manifest';
import { MODULE_ROLES } from '@cunmen/module-api';

// One list for the shell and the modules it mounts (they decide by these roles too).
export const ROLES = MODULE_ROLES;

export type IdentityRole = (typeof ROLES)[number];

/** Roles that must pass a TOTP second factor before they can act (province and county staff). */
export const MFA_ROLES: ReadonlySet<IdentityRole> = new Set([
  'province-maintainer',
  'county-developer',
  'county-admin',
]);

/** The division level each role is scoped to, by the length of its code. */
export const ROLE_LEVEL: Record<IdentityRole, 'province' | 'county' | 'township' | 'village'> = {
  'province-maintainer': 'province',
  'county-developer': 'county',
  'county-admin': 'county',
  'township-staff': 'township',
  'village-cadre': 'village',
  supervisor: 'village',
  merchant: 'village',
  resident: 'village',
};

const LEVEL_DIGITS = { province: 6, county: 6, township: 9, village: 12 } as const;

export function isRole(value: string): value is IdentityRole {
  return (ROLES as readonly string[]).includes(value);
}

/** Why a division code does not fit a role, or null when it does. */
export function divisionMismatch(role: IdentityRole, division: string): string | null {
  const level = ROLE_LEVEL[role];
  const digits = LEVEL_DIGITS[level];
  if (!new RegExp(`^\\d{${digits}}$`).test(division)) {
    return `a ${role} is scoped to a ${level}: a ${digits}-digit division code`;
  }
  if (level === 'province' && !/^\d{2}0000$/.test(division))
    return 'a province code ends in 0000, e.g. 330000';
  return null;
}

/** May someone scoped to `scope` act on `code`? (prefix rule; the province reaches every code in it) */
export function canActOn(scope: string, code: string): boolean {
  return isWithinDivision(scope, code);
}

/** Every role but `resident` works in the staff console (cadres, supervisors, merchants, staff above). */
export function isStaffRole(role: string): boolean {
  return role !== 'resident';
}
