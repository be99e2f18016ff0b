/** Bank-card numbers: the Luhn (mod 10) check and the issuer prefixes of payment cards. */
import { compactNumber } from './characters.js';

/** The Luhn check of a digit string (full-width digits and separators allowed). */
export function isLuhn(digits: string): boolean {
  const n = compactNumber(digits.trim());
  return /^\d{2,}$/.test(n) && luhnAscii(n);
}

/** Luhn of a string known to hold only ASCII digits: the detector's hot path. */
function luhnAscii(n: string): boolean {
  let sum = 0;
  for (let i = n.length - 1, double = false; i >= 0; i--, double = !double) {
    let d = n.charCodeAt(i) - 0x30;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * 16-19 ASCII digits that pass Luhn and start like a payment card: 3 (JCB), 4 (Visa), 5 (Mastercard),
 * 6 (UnionPay 62…, most Chinese cards), 9 (old domestic cards such as 9558…) or Mastercard's 2221-2720.
 * The prefix rule keeps long order and transaction numbers, which mostly start with a year (20…), intact.
 */
export function isBankCard(digits: string): boolean {
  if (digits.length < 16 || digits.length > 19) return false;
  const first = digits.charAt(0);
  const issuer =
    first === '3' ||
    first === '4' ||
    first === '5' ||
    first === '6' ||
    first === '9' ||
    (Number(digits.slice(0, 4)) >= 2221 && Number(digits.slice(0, 4)) <= 2720);
  return issuer && /^\d+$/.test(digits) && luhnAscii(digits);
}
