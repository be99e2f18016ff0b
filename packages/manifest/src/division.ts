/**
 * Division codes (GB/T 2260 and 统计用区划代码): 6-digit county, 9-digit township, 12-digit village.
 * Authority flows down the code prefix: a county admin of 330521 acts on 330521xxx…, never 330522….
 */
import { z } from 'zod';

export type DivisionLevel = 'province' | 'city' | 'county' | 'township' | 'village';

export const provinceCodeSchema = z.string().regex(/^[1-8]\d0000$/, 'a 6-digit province code such as 330000');
export const countyCodeSchema = z
  .string()
  .regex(/^[1-8]\d{3}(?!00)\d{2}$/, 'a 6-digit county code such as 330521');
export const townshipCodeSchema = z
  .string()
  .regex(/^[1-8]\d{3}(?!00)\d{2}\d{3}$/, 'a 9-digit township code such as 330521001');
export const villageCodeSchema = z
  .string()
  .regex(/^[1-8]\d{3}(?!00)\d{2}\d{6}$/, 'a 12-digit village code such as 330521001001');

/** A scope code for a role: province (2 significant digits), county (6), township (9) or village (12). */
export const divisionCodeSchema = z
  .string()
  .regex(/^\d{6}$|^\d{9}$|^\d{12}$/, 'a 6-, 9- or 12-digit division code');

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
