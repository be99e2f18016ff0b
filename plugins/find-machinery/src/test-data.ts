/** Owners the tests and stories start from. */
import type { Config } from './config.js';
import { DEFAULT_TYPES } from './config.js';
import type { Owner } from './owners.js';

export const config: Config = { heading: '找农机', showUnavailable: false, types: DEFAULT_TYPES };

export const owners: Owner[] = [
  {
    name: '王师傅',
    type: '收割机',
    capacity: '每天 80 亩',
    phone: '13800138000',
    area: '本村及东山村',
    available: true,
  },
  {
    name: '李建国',
    type: '拖拉机',
    capacity: '旋耕每天 50 亩',
    phone: '05728012345',
    area: '西岭村',
    available: true,
  },
  {
    name: '陈大姐',
    type: '植保无人机',
    capacity: '每天 300 亩',
    phone: '13912345678',
    area: '全镇',
    available: false,
  },
];
