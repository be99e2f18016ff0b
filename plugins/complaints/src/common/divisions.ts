/** Division-code helpers (12-digit village, 9 township, 6 county, 6 ending in 0000 province). */

export type Level = 'province' | 'city' | 'county' | 'township' | 'village';

export function levelOf(code: string): Level | null {
  if (/^\d{12}$/.test(code)) return 'village';
  if (/^\d{9}$/.test(code)) return 'township';
  if (!/^\d{6}$/.test(code)) return null;
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** The significant prefix: 330000 → 33, 330500 → 3305, others unchanged. */
export function prefixOf(code: string): string {
  const level = levelOf(code);
  if (level === 'province') return code.slice(0, 2);
  if (level === 'city') return code.slice(0, 4);
  return code;
}

/** True when `code` lies within (or is) the division `scope` (the prefix rule of DESIGN.md). */
export function within(scope: string, code: string): boolean {
  if (levelOf(scope) === null || levelOf(code) === null) return false;
  return code.startsWith(prefixOf(scope));
}

export const townshipOf = (village: string) => village.slice(0, 9);
export const countyOf = (village: string) => village.slice(0, 6);
export const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;

/** The units a case of `village` may be dispatched or transferred to: the village, its township, its county. */
export function dispatchTargets(village: string): string[] {
  return [village, townshipOf(village), countyOf(village)];
}

/**
 * The public name of a unit: 仙潭村 → 仙潭村村民委员会, 莫干山镇 → 莫干山镇人民政府, 阜溪街道 → 阜溪街道办事处,
 * 德清县 + 水利局 → 德清县水利局; a department label inside a village or township follows the body's name.
 */
export function unitName(level: Level | null, divisionName: string, department?: string | null): string {
  const dept = department?.trim();
  if (level === 'county' || level === 'province' || level === 'city') {
    if (dept) return dept.startsWith(divisionName) ? dept : `${divisionName}${dept}`;
    return `${divisionName}人民政府`;
  }
  let body: string;
  if (level === 'village')
    body = divisionName.endsWith('社区') ? `${divisionName}居民委员会` : `${divisionName}村民委员会`;
  else if (divisionName.endsWith('街道')) body = `${divisionName}办事处`;
  else body = `${divisionName}人民政府`;
  return dept ? `${body}${dept}` : body;
}
