/**
 * The disclosure catalogue (村务公开目录): what each village must publish, on what legal basis, how
 * often, by when and who prepares it. The province's built-in default lives here; the province may add
 * or replace items, counties and villages add their own. A village's catalogue is the union along its
 * division code: built-in ← province (330000) ← county (330521) ← village (330521107201).
 */
import type { Cadence, Category } from './enums.js';
import { addDays, endOfChinaDay, parsePeriod } from './period.js';

/**
 * When an item is due. `after-period`: by day `day` of the month after the period ends (quarterly
 * `day: 20` = "by the 20th of the first month of the next quarter"). `after-event`: within `days`
 * calendar days of the event (items published at once).
 */
export type DeadlineRule = { kind: 'after-period'; day: number } | { kind: 'after-event'; days: number };

export interface CatalogueItem {
  /** Stable key, unique in a village's effective catalogue. */
  key: string;
  /** `builtin`, or the division code of the province, county or village that set the item. */
  scope: string;
  category: Category;
  title: string;
  /** The legal basis, e.g. 《村民委员会组织法》第三十条. */
  basis: string;
  cadence: Cadence;
  deadline: DeadlineRule;
  /** Who prepares it, e.g. 村委会文书. */
  owner: string;
  /** Names in lists of this item are masked too (低保 rosters), not only ID, mobile and bank numbers. */
  maskNames: boolean;
}

const LAW = '《中华人民共和国村民委员会组织法》第三十条';

/** The province's built-in default catalogue. */
export const DEFAULT_CATALOGUE: readonly CatalogueItem[] = [
  {
    key: 'party-development',
    scope: 'builtin',
    category: 'party',
    title: '党员发展情况',
    basis: '《中国共产党发展党员工作细则》第十三条、第二十七条（公示）',
    cadence: 'immediate',
    deadline: { kind: 'after-event', days: 7 },
    owner: '村党组织书记',
    maskNames: false,
  },
  {
    key: 'party-dues',
    scope: 'builtin',
    category: 'party',
    title: '党费收缴、使用情况',
    basis: '《关于中国共产党党费收缴、使用和管理的规定》',
    cadence: 'half-yearly',
    deadline: { kind: 'after-period', day: 20 },
    owner: '村党组织组织委员',
    maskNames: false,
  },
  {
    key: 'party-life',
    scope: 'builtin',
    category: 'party',
    title: '“三会一课”和主题党日开展情况',
    basis: '《中国共产党农村基层组织工作条例》第二十八条',
    cadence: 'quarterly',
    deadline: { kind: 'after-period', day: 20 },
    owner: '村党组织书记',
    maskNames: false,
  },
  {
    key: 'dibao-roster',
    scope: 'builtin',
    category: 'village',
    title: '低保对象名单',
    basis: '《社会救助暂行办法》第十一条；《最低生活保障审核确认办法》第二十八条',
    cadence: 'quarterly',
    deadline: { kind: 'after-period', day: 20 },
    owner: '村民委员会（民政协理员）',
    maskNames: true,
  },
  {
    key: 'disability-subsidy',
    scope: 'builtin',
    category: 'village',
    title: '残疾人两项补贴发放名单',
    basis: '《国务院关于全面建立困难残疾人生活补贴和重度残疾人护理补贴制度的意见》（国发〔2015〕52号）',
    cadence: 'quarterly',
    deadline: { kind: 'after-period', day: 20 },
    owner: '村民委员会（残疾人专职委员）',
    maskNames: true,
  },
  {
    key: 'homestead-approval',
    scope: 'builtin',
    category: 'village',
    title: '宅基地申请审批情况',
    basis: '《中华人民共和国土地管理法》第六十二条；《农村宅基地管理暂行办法》',
    cadence: 'immediate',
    deadline: { kind: 'after-event', days: 5 },
    owner: '村民委员会',
    maskNames: false,
  },
  {
    key: 'major-matters',
    scope: 'builtin',
    category: 'village',
    title: '重大事项（5万元以上）',
    basis: `${LAW}；第二十四条（村民会议讨论决定事项）`,
    cadence: 'immediate',
    deadline: { kind: 'after-event', days: 5 },
    owner: '村民委员会主任',
    maskNames: false,
  },
  {
    key: 'agri-subsidy',
    scope: 'builtin',
    category: 'village',
    title: '惠农补贴、救灾救助资金物资发放情况',
    basis: LAW,
    cadence: 'quarterly',
    deadline: { kind: 'after-period', day: 20 },
    owner: '村民委员会文书',
    maskNames: false,
  },
  {
    key: 'village-general',
    scope: 'builtin',
    category: 'village',
    title: '村务一般事项（村规民约、工作计划、决议执行）',
    basis: LAW,
    cadence: 'quarterly',
    deadline: { kind: 'after-period', day: 20 },
    owner: '村民委员会文书',
    maskNames: false,
  },
  {
    key: 'finance-ledger',
    scope: 'builtin',
    category: 'finance',
    title: '财务收支明细',
    basis: `${LAW}；《农村集体经济组织财务公开规定》`,
    cadence: 'monthly',
    deadline: { kind: 'after-period', day: 10 },
    owner: '村报账员',
    maskNames: false,
  },
  {
    key: 'collective-assets',
    scope: 'builtin',
    category: 'finance',
    title: '集体资产、资源情况',
    basis: '《农村集体经济组织财务公开规定》；《中华人民共和国农村集体经济组织法》',
    cadence: 'half-yearly',
    deadline: { kind: 'after-period', day: 20 },
    owner: '村集体经济组织',
    maskNames: false,
  },
  {
    key: 'project-funds',
    scope: 'builtin',
    category: 'finance',
    title: '工程项目及资金使用情况',
    basis: LAW,
    cadence: 'quarterly',
    deadline: { kind: 'after-period', day: 20 },
    owner: '村报账员',
    maskNames: false,
  },
  {
    key: 'debts',
    scope: 'builtin',
    category: 'finance',
    title: '集体债权债务情况',
    basis: '《农村集体经济组织财务公开规定》',
    cadence: 'yearly',
    deadline: { kind: 'after-period', day: 20 },
    owner: '村报账员',
    maskNames: false,
  },
  {
    key: 'yishiyiyi',
    scope: 'builtin',
    category: 'finance',
    title: '一事一议筹资筹劳情况',
    basis: '《村民一事一议筹资筹劳管理办法》',
    cadence: 'immediate',
    deadline: { kind: 'after-event', days: 7 },
    owner: '村民委员会',
    maskNames: false,
  },
];

/** The province of a division code: its first two digits and `0000`. */
export const provinceOf = (code: string) => `${code.slice(0, 2)}0000`;

/**
 * The effective catalogue of a village: the built-in default, with the items of its province replacing
 * (same key) or extending it, plus its county's and its own items.
 */
export function effectiveCatalogue(
  village: string,
  stored: readonly CatalogueItem[],
  builtin: readonly CatalogueItem[] = DEFAULT_CATALOGUE,
): CatalogueItem[] {
  const scopes = [provinceOf(village), village.slice(0, 6), village];
  const byKey = new Map<string, CatalogueItem>();
  for (const item of builtin) byKey.set(item.key, item);
  for (const scope of scopes) {
    for (const item of stored) if (item.scope === scope) byKey.set(item.key, item);
  }
  return [...byKey.values()];
}

/** The instant (ISO) by which `item` must be published for `periodKey`; null if the key does not fit. */
export function deadlineOf(rule: DeadlineRule, periodKey: string): string | null {
  const p = parsePeriod(periodKey);
  if (!p) return null;
  if (rule.kind === 'after-event') return endOfChinaDay(addDays(p.start, rule.days));
  const next = addDays(p.end, 1);
  return endOfChinaDay(`${next.slice(0, 8)}${String(rule.day).padStart(2, '0')}`);
}

/** The rule in words, zh-CN: 次季度第一个月 20 日前 / 事项发生后 5 日内. */
export function describeDeadline(cadence: Cadence, rule: DeadlineRule): string {
  if (rule.kind === 'after-event') return `事项发生后 ${rule.days} 日内`;
  const next: Record<Cadence, string> = {
    immediate: '次日',
    monthly: '次月',
    quarterly: '下季度第一个月',
    'half-yearly': '下半年（次年）第一个月',
    yearly: '次年 1 月',
  };
  return `${next[cadence]} ${rule.day} 日前`;
}
