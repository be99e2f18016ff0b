/** The `owners` collection: one machine and its owner, as the village cadre registered it. */
import { isValidPhone } from '@cunmen/ui';

export const OWNERS = 'owners';
/** The store's largest page: one village registers far fewer machines than this. */
export const OWNERS_PAGE = 100;

export interface Owner {
  name: string;
  /** One of the config's types. */
  type: string;
  /** Free text, e.g. 每天 80 亩. */
  capacity: string;
  /** Digits only: an 11-digit mobile or a landline with its area code. */
  phone: string;
  area: string;
  available: boolean;
}

/** Drops spaces, dashes, brackets and a +86 / 0086 prefix: `0572-801 2345` → `05728012345`. */
export function normalizePhone(value: string): string {
  return value.replace(/[\s\-()（）]/g, '').replace(/^(\+|00)86/, '');
}

/** Landline: 010 / 02x with 8 digits, or a 4-digit area code with 7–8 digits. */
const LANDLINE = /^(0(10|2\d)[2-9]\d{7}|0[3-9]\d{2}[2-9]\d{6,7})$/;

/** True for a mainland mobile number (the UI kit's rule) or a landline with its area code. */
export function isValidContactPhone(digits: string): boolean {
  return isValidPhone(digits) || LANDLINE.test(digits);
}

/** Whether an owner matches the chosen type ('' = all) and keyword (name, area or capacity). */
export function matches(owner: Owner, type: string, keyword: string): boolean {
  if (type !== '' && owner.type !== type) return false;
  const k = keyword.trim().toLowerCase();
  if (k === '') return true;
  return [owner.name, owner.area, owner.capacity].some((text) => text.toLowerCase().includes(k));
}
