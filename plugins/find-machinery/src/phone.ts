/** Contact phones as the cadre types them (cadre page only). */
import { isValidPhone } from '@cunmen/ui';

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
