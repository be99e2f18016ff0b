/**
 * Resident ID-card numbers (公民身份号码, GB 11643-1999): 6-digit area code, birth date, 3-digit
 * sequence (its last digit odd for men), ISO 7064 MOD 11-2 check character (0-9 or X). The old 15-digit
 * form has a 6-digit date (19YYMMDD), the sequence and no check character.
 */
import { compactNumber } from './characters.js';

/** The first two digits: the provinces (11 Beijing … 65 Xinjiang), 71 Taiwan, 81 Hong Kong, 82 Macao, 83 and 91. */
// biome-ignore format: grouped by region
const PROVINCES = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82', '83', '91',
]);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character of the first 17 ASCII digits. */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 0x30) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

function todayNumber(): number {
  const now = new Date();
  return now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
}

/** A real calendar date from 1900-01-01 up to today. */
function isBirthDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  return day <= days && year * 10000 + month * 100 + day <= todayNumber();
}

/** Region and birth date of 17 or 18 ASCII digits look like an 18-digit ID number's. */
export function isPlausibleIdCard18(digits: string): boolean {
  return (
    PROVINCES.has(digits.slice(0, 2)) &&
    isBirthDate(Number(digits.slice(6, 10)), Number(digits.slice(10, 12)), Number(digits.slice(12, 14)))
  );
}

/** 15 ASCII digits with a known region and a real 19YYMMDD date. */
export function isIdCard15(digits: string): boolean {
  return (
    PROVINCES.has(digits.slice(0, 2)) &&
    isBirthDate(1900 + Number(digits.slice(6, 8)), Number(digits.slice(8, 10)), Number(digits.slice(10, 12)))
  );
}

/** 17 ASCII digits and the check character (upper-case X) of a valid 18-digit ID number. */
export function isIdCard18(digits17: string, check: string): boolean {
  return isPlausibleIdCard18(digits17) && idCardCheckChar(digits17) === check;
}

/**
 * A valid ID-card number: 18 characters with region, birth date and check character right, or the old
 * 15-digit form with region and date right. Full-width digits and separators (spaces, dashes) are allowed.
 */
export function isValidIdCard(s: string): boolean {
  const n = compactNumber(s.trim());
  if (/^\d{17}[\dX]$/.test(n)) return isIdCard18(n.slice(0, 17), n.charAt(17));
  if (/^\d{15}$/.test(n)) return isIdCard15(n);
  return false;
}
