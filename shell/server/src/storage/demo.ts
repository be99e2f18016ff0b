/**
 * The demo division tree `cunmen-shell seed-demo` writes: the demo province's two counties, whose
 * publisher scopes are in KNOWN_COUNTY_SCOPES (`@deqing` ↔ 德清县 330521, `@yiyuan` ↔ 沂源县 370323),
 * one or two townships each and three villages. 沂源县 lies in 山东省 (370000), so its own province is
 * its parent: authority flows down the code prefix, and 370323 is not under 330000.
 */
import type { Division } from './types.js';

export const DEMO_DIVISIONS: readonly Division[] = [
  { code: '330000', level: 'province', name: '浙江省', parent: null },
  { code: '330521', level: 'county', name: '德清县', parent: '330000' },
  { code: '330521107', level: 'township', name: '莫干山镇', parent: '330521' },
  { code: '330521107201', level: 'village', name: '仙潭村', parent: '330521107' },
  { code: '330521003', level: 'township', name: '阜溪街道', parent: '330521' },
  { code: '330521003201', level: 'village', name: '五四村', parent: '330521003' },
  { code: '370000', level: 'province', name: '山东省', parent: null },
  { code: '370323', level: 'county', name: '沂源县', parent: '370000' },
  { code: '370323108', level: 'township', name: '燕崖镇', parent: '370323' },
  { code: '370323108213', level: 'village', name: '朱家户村', parent: '370323108' },
];
