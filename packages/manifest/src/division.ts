/**
 * Division codes (GB/T 2260 and 统计用区划代码): 6-digit county, 9-digit township, 12-digit village.
 * Authority flows down the code prefix: a county admin of 330521 acts on 330521xxx…, never 330522….
 */
import { z } from 'zod';

export {
  countyOf,
  type DivisionLevel,
  divisionLevel,
  divisionPrefix,
  isWithinDivision,
  townshipOf,
} from './division-code.js';

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
