/**
 * What a write does to a portal, as people need to hear it: the widgets and standard modules it drops
 * (a warning in the write's answer, never silent), and — when the write was based on a version that is
 * no longer current — what changed since that base (the 409's `changes`).
 */
import type { VillageConfig } from '@cunmen/manifest';
import { shellError, withDetails } from '../errors.js';
import type { PortalStore, PortalWarning } from '../storage/types.js';

/** A widget of the current portal as its snapshot names it. */
export interface NamedWidget {
  name: string;
  version: string;
  kind: string;
  title: { 'zh-CN': string; en?: string };
}

/** One warning per widget of `before` that `after` no longer has; standard modules say so. */
export function droppedWarnings(before: readonly NamedWidget[], after: VillageConfig): PortalWarning[] {
  const kept = new Set(after.widgets.map((w) => w.name));
  return before
    .filter((w) => !kept.has(w.name))
    .map((w) => {
      const en = w.title.en ?? w.title['zh-CN'];
      return w.kind === 'standard'
        ? {
            code: 'SHELL_WARN_STANDARD_MODULE_REMOVED',
            widget: w.name,
            en: `this write removes the standard module ${en} (${w.name}) from the portal; residents no longer see it`,
            zh: `本次修改移除了标准模块“${w.title['zh-CN']}”（${w.name}），村民将看不到它`,
          }
        : {
            code: 'SHELL_WARN_WIDGET_REMOVED',
            widget: w.name,
            en: `this write removes ${en} (${w.name}) from the portal`,
            zh: `本次修改从门户中移除了“${w.title['zh-CN']}”（${w.name}）`,
          };
    });
}

/** What changed between two configs of a village, compactly. */
export interface ConfigDiff {
  added: string[];
  removed: string[];
  changed: { name: string; what: ('version' | 'config' | 'placements')[] }[];
  /** Portal-wide settings that changed (`title`, `theme`). */
  portal: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffConfigs(before: VillageConfig | null, after: VillageConfig | null): ConfigDiff {
  const was = new Map((before?.widgets ?? []).map((w) => [w.name, w]));
  const now = new Map((after?.widgets ?? []).map((w) => [w.name, w]));
  const diff: ConfigDiff = { added: [], removed: [], changed: [], portal: [] };
  for (const [name, w] of now) {
    const old = was.get(name);
    if (!old) {
      diff.added.push(`${name}@${w.version}`);
      continue;
    }
    const what = (['version', 'config', 'placements'] as const).filter((k) => !same(old[k], w[k]));
    if (what.length > 0) diff.changed.push({ name, what: [...what] });
  }
  for (const [name, w] of was) if (!now.has(name)) diff.removed.push(`${name}@${w.version}`);
  for (const key of ['title', 'theme'] as const) {
    if (before && after && !same(before[key], after[key])) diff.portal.push(key);
  }
  return diff;
}

/** The `changes` of a stale refusal. */
export interface StaleChanges extends ConfigDiff {
  base: number;
  current: number | null;
  /** Versions saved after the base (a rollback makes an older one current without a new number). */
  versions: number[];
}

function describe(diff: ConfigDiff, zh: boolean): string {
  const parts: string[] = [];
  if (diff.added.length) parts.push(`${zh ? '新增' : 'added'} ${diff.added.join(zh ? '、' : ', ')}`);
  if (diff.removed.length) parts.push(`${zh ? '移除' : 'removed'} ${diff.removed.join(zh ? '、' : ', ')}`);
  if (diff.changed.length) {
    const names = diff.changed.map((c) => c.name).join(zh ? '、' : ', ');
    parts.push(zh ? `修改 ${names}` : `changed ${names}`);
  }
  if (diff.portal.length)
    parts.push(`${zh ? '门户设置' : 'portal settings'} ${diff.portal.join(zh ? '、' : ', ')}`);
  return parts.join(zh ? '；' : '; ');
}

/**
 * The 409 for a write based on `base` while `current` is the village's current version: what changed
 * since the base, so the client can reload and apply its edit again. Nothing was saved.
 */
export async function staleRefusal(
  portals: PortalStore,
  village: string,
  base: number,
  current: { version: number; config: VillageConfig } | null,
) {
  const baseConfig = base > 0 ? ((await portals.getVersion(village, base))?.config ?? null) : null;
  const diff = diffConfigs(baseConfig, current?.config ?? null);
  const versions = (await portals.listVersions(village))
    .map((v) => v.version)
    .filter((v) => v > base)
    .sort((a, b) => a - b);
  const changes: StaleChanges = { base, current: current?.version ?? null, versions, ...diff };
  const now = current ? String(current.version) : 'none';
  const [en, zh] = [describe(diff, false), describe(diff, true)];
  return withDetails(
    shellError(
      'SHELL_ERR_PORTAL_STALE',
      `the portal of ${village} changed since version ${base} (current: ${now}${en ? `; ${en}` : ''}); reload it and apply your edit again — nothing was saved`,
      {
        zh: `本村门户在第 ${base} 版之后已被修改（当前为${current ? `第 ${current.version} 版` : '无'}${zh ? `；${zh}` : ''}），请重新加载后再修改，本次未保存`,
        field: 'baseVersion',
      },
    ),
    { changes },
  );
}
