/**
 * What changed between two versions of a portal, in words a cadre reads: services added and removed,
 * and for each kept one a new version, the settings that changed (by the name the form shows), a new
 * place among the tiles or navigation entries; and the portal's own name, colour and 长辈版 default.
 * Also the 409's `changes` (what others published since the draft began) said the same way.
 */
import type { DraftConfig, ServiceInfo, StaleChanges } from './types.js';

type Services = Readonly<Record<string, ServiceInfo>>;

export interface ServiceChange {
  name: string;
  title: string;
  version?: { from: string; to: string };
  /** Setting keys whose value differs. */
  settings: string[];
  /** Its tiles, entries or pages were moved, added or taken away. */
  placed: boolean;
}

export interface PortalDiff {
  added: { name: string; title: string; version: string }[];
  removed: { name: string; title: string; version: string }[];
  changed: ServiceChange[];
  portal: { key: 'title' | 'accent' | 'elderlyByDefault'; from: string; to: string }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const titleIn = (name: string, ...maps: Services[]) =>
  maps.map((m) => m[name]?.title['zh-CN']).find((t) => t !== undefined) ?? name;

type Comparable = Pick<DraftConfig, 'widgets' | 'theme' | 'title'>;

export function diffPortals(
  before: Comparable,
  after: Comparable,
  services: Services,
  old: Services = {},
): PortalDiff {
  const was = new Map(before.widgets.map((w) => [w.name, w]));
  const now = new Map(after.widgets.map((w) => [w.name, w]));
  const diff: PortalDiff = { added: [], removed: [], changed: [], portal: [] };
  for (const [name, w] of now) {
    const prev = was.get(name);
    const title = titleIn(name, services, old);
    if (!prev) {
      diff.added.push({ name, title, version: w.version });
      continue;
    }
    const keys = new Set([...Object.keys(prev.config), ...Object.keys(w.config)]);
    const settings = [...keys].filter((k) => !same(prev.config[k], w.config[k])).sort();
    const change: ServiceChange = { name, title, settings, placed: !same(prev.placements, w.placements) };
    if (prev.version !== w.version) change.version = { from: prev.version, to: w.version };
    if (change.version || settings.length > 0 || change.placed) diff.changed.push(change);
  }
  for (const [name, w] of was) {
    if (!now.has(name)) diff.removed.push({ name, title: titleIn(name, old, services), version: w.version });
  }
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const portal: [PortalDiff['portal'][number]['key'], unknown, unknown][] = [
    ['title', before.title?.['zh-CN'], after.title?.['zh-CN']],
    ['accent', before.theme.primary, after.theme.primary],
    ['elderlyByDefault', before.theme.elderlyByDefault, after.theme.elderlyByDefault],
  ];
  for (const [key, from, to] of portal)
    if (!same(from, to)) diff.portal.push({ key, from: text(from), to: text(to) });
  return diff;
}

/** The label a settings key has in the form (its title or short description), else the key. */
export function settingLabel(info: ServiceInfo | undefined, key: string): string {
  const prop = (
    info?.configSchema?.properties as Record<string, { title?: unknown; description?: unknown }> | undefined
  )?.[key];
  for (const t of [prop?.title, prop?.description]) if (typeof t === 'string' && t.length <= 30) return t;
  return key;
}

const PORTAL_WORDS = { title: '门户名称', accent: '主题颜色', elderlyByDefault: '默认长辈版' } as const;

/** One Chinese line per change, in the order added, removed, changed, portal settings. */
export function describeDiff(diff: PortalDiff, services: Services): string[] {
  const lines: string[] = [];
  for (const a of diff.added) lines.push(`新增服务“${a.title}”（${a.version} 版）`);
  for (const r of diff.removed) lines.push(`移除服务“${r.title}”`);
  for (const c of diff.changed) {
    const parts: string[] = [];
    if (c.version) parts.push(`从 ${c.version.from} 版升级到 ${c.version.to} 版`);
    if (c.settings.length > 0)
      parts.push(`修改设置：${c.settings.map((k) => settingLabel(services[c.name], k)).join('、')}`);
    if (c.placed) parts.push('调整了位置');
    lines.push(`“${c.title}”${parts.join('，')}`);
  }
  for (const p of diff.portal) {
    const value = (v: string) =>
      p.key === 'elderlyByDefault' ? (v === 'true' ? '是' : '否') : v || '（未设置）';
    lines.push(`${PORTAL_WORDS[p.key]}：${value(p.from)} → ${value(p.to)}`);
  }
  return lines;
}

const WHAT = { version: '版本', config: '设置', placements: '位置' } as const;

/** The 409's changes as lines: who published what since the draft began. */
export function describeStale(changes: StaleChanges, services: Services): string[] {
  const nameOf = (id: string) => {
    const name = id.replace(/@[^@]*$/, '');
    return titleIn(name, services);
  };
  const lines = [`您开始修改时是第 ${changes.base} 版，现在已发布第 ${changes.current ?? '—'} 版`];
  for (const a of changes.added) lines.push(`别人新增了服务“${nameOf(a)}”`);
  for (const r of changes.removed) lines.push(`别人移除了服务“${nameOf(r)}”`);
  for (const c of changes.changed)
    lines.push(`别人修改了“${titleIn(c.name, services)}”的${c.what.map((w) => WHAT[w]).join('、')}`);
  if (changes.portal.length > 0) lines.push('别人修改了门户名称或主题颜色');
  return lines;
}
