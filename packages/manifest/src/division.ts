/**
 * Division codes (GB/T 2260 and 统计用区划代码): 6-digit county, 9-digit township, 12-digit village.
 * Authority flows down the code prefix: a county admin of 330521 acts on 330521xxx…, never 330522….
 * Written with zod/mini: the village code is part of the portal snapshot the browser parses.
 */
import * as z from 'zod/mini';

export {
  countyOf,
  type DivisionLevel,
  divisionLevel,
  divisionPrefix,
  isWithinDivision,
  townshipOf,
} from './division-code.js';

const code = (regex: RegExp, message: string) => z.string().check(z.regex(regex, message));

// `/* @__PURE__ */`: the browser uses only the village code; the bundler may drop the others.
export const provinceCodeSchema = /* @__PURE__ */ code(
  /^[1-8]\d0000$/,
  'a 6-digit province code such as 330000',
);
export const countyCodeSchema = /* @__PURE__ */ code(
  /^[1-8]\d{3}(?!00)\d{2}$/,
  'a 6-digit county code such as 330521',
);
export const townshipCodeSchema = /* @__PURE__ */ code(
  /^[1-8]\d{3}(?!00)\d{2}\d{3}$/,
  'a 9-digit township code such as 330521001',
);
export const villageCodeSchema = /* @__PURE__ */ code(
  /^[1-8]\d{3}(?!00)\d{2}\d{6}$/,
  'a 12-digit village code such as 330521001001',
);

/** A scope code for a role: province (2 significant digits), county (6), township (9) or village (12). */
export const divisionCodeSchema = /* @__PURE__ */ code(
  /^\d{6}$|^\d{9}$|^\d{12}$/,
  'a 6-, 9- or 12-digit division code',
);
