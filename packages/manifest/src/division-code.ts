/**
 * The division-code rules without zod, for browser code that must stay small (standard modules'
 * widgets import `@cunmen/manifest/division-code`): levels by length and suffix, and the prefix rule —
 * authority flows down the code, a county admin of 330521 acts on 330521xxx…, never 330522….
 */
export type DivisionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export function divisionLevel(code: string): DivisionLevel | null {
  if (/^\d{12}$/.test(code)) return 'village';
  if (/^\d{9}$/.test(code)) return 'township';
  if (!/^\d{6}$/.test(code)) return null;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The significant prefix of a code: 330000 → 33, 330500 → 3305, 330521 → 330521. */
export function divisionPrefix(code: string): string {
  const level = divisionLevel(code);
  if (level === 'province') return code.slice(0, 2);
  if (level === 'city') return code.slice(0, 4);
  return code;
}

/** True when `code` lies within (or is) the division `scope`. */
export function isWithinDivision(scope: string, code: string): boolean {
  if (divisionLevel(scope) === null || divisionLevel(code) === null) return false;
  return code.startsWith(divisionPrefix(scope));
}

export function countyOf(code: string): string | null {
  return /^\d{6}/.test(code) && divisionLevel(code) !== null ? code.slice(0, 6) : null;
}

export function townshipOf(code: string): string | null {
  return /^\d{9}/.test(code) && code.length >= 9 ? code.slice(0, 9) : null;
}
