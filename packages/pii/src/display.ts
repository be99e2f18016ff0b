/**
 * Masking one value for display — a phone number in a list of residents, an account view — the same
 * way the text and table maskers mask it: a mobile number keeps its first 3 and last 4 digits
 * (`138****5678`, exactly as `maskPersonalData` shows it in text); any other number (a landline, an
 * extension, a mistyped mobile) keeps only its last 4 digits, without its separators. Names go through
 * `maskName`, so every view masks a resident the one way.
 */
import { digitValue } from './characters.js';
import { findPersonalData, maskNumbers } from './detect.js';

/** `13812345678` → `138****5678`, `0572-8012345` → `*******2345`, `12` → `**`. */
export function maskPhone(phone: string): string {
  let digits = '';
  for (let i = 0; i < phone.length; i++) {
    const d = digitValue(phone.charCodeAt(i));
    if (d >= 0) digits += String(d);
  }
  const [found, ...more] = findPersonalData(digits);
  if (found?.kind === 'mobile' && more.length === 0 && found.start === 0 && found.end === digits.length) {
    return maskNumbers(digits);
  }
  return digits.length <= 4
    ? '*'.repeat(digits.length)
    : `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}
