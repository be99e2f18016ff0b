/** Division-code helpers (12-digit village, 9 township, 6 county, 6 ending in 0000 province). */
import type { DivisionLevel } from '@cunmen/manifest/division-code';

// The prefix rule is the platform's (zod-free entry, so the widgets stay small); named as this module reads it.
export {
  type DivisionLevel as Level,
  divisionLevel as levelOf,
  divisionPrefix as prefixOf,
  isWithinDivision as within,
} from '@cunmen/manifest/division-code';

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
export function unitName(
  level: DivisionLevel | null,
  divisionName: string,
  department?: string | null,
): string {
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
