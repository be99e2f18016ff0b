/**
 * Resident accounts made by the sign-in channels: a generated sign-in name (never the phone number),
 * scoped to the village the resident came from, and no household until a cadre approves one — the
 * `household` column stays null, which `IdentityStore.listResidentsWithoutHousehold` finds.
 */
import { randomBytes } from 'node:crypto';
import { isUniqueViolation } from '../storage/dialect/index.js';
import type { IdentityStore, IdentityUser } from './store.js';

/** `r-` and 16 hex digits. */
export function residentAccountName(): string {
  return `r-${randomBytes(8).toString('hex')}`;
}

export interface NewResident {
  displayName: string;
  village: string;
  phone?: string;
  phoneVerifiedAt?: string;
  wechatOpenid?: string;
}

/**
 * Creates the resident; when the phone or openid's unique index refuses it because another request (on
 * any instance) made that account a moment ago, answers that account instead (`created: false`).
 */
export async function createResident(
  store: IdentityStore,
  resident: NewResident,
  existing: () => Promise<IdentityUser | null>,
): Promise<{ user: IdentityUser; created: boolean }> {
  try {
    const user = await store.createUser({
      name: residentAccountName(),
      displayName: resident.displayName,
      role: 'resident',
      division: resident.village,
      household: null,
      phone: resident.phone ?? null,
      phoneVerifiedAt: resident.phoneVerifiedAt ?? null,
      wechatOpenid: resident.wechatOpenid ?? null,
    });
    return { user, created: true };
  } catch (err) {
    const other = isUniqueViolation(err) ? await existing() : null;
    if (!other) throw err;
    return { user: other, created: false };
  }
}
