/** `portal show`'s text: the current portal as an operator reads it, titles from its snapshot. */
import type { PortalSnapshot } from '@cunmen/manifest';
import type { PortalVersion, PortalWarning, VillageRecord } from '../storage/types.js';

const SLOT_NAMES: Record<string, string> = {
  'village.home.tile/v1': 'home tile',
  'village.page/v1': 'page',
  'village.nav/v1': 'nav',
  'cadre.page/v1': 'cadre page',
};

type Placement = PortalVersion['config']['widgets'][number]['placements'][number];

function placementText(village: string, p: Placement): string {
  const name = SLOT_NAMES[p.slot] ?? p.slot;
  if (p.slot === 'village.page/v1' && p.route) return `${name} /v/${village}/p/${p.route}`;
  return p.route ? `${name} ${p.route}` : name;
}

/** Widgets with an entry in `slot`, in the order residents see them (by order, then by name). */
function inOrder(config: PortalVersion['config'], slot: string, title: (name: string) => string): string[] {
  const entries = config.widgets.flatMap((w) =>
    w.placements.flatMap((p, i) =>
      p.slot === slot ? [{ key: `${w.name}#${i}`, name: w.name, order: p.order }] : [],
    ),
  );
  entries.sort((a, b) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return entries.map((e, k) => `${k + 1} ${title(e.name)}`);
}

export function describePortal(
  village: VillageRecord,
  current: PortalVersion & { warnings: PortalWarning[] },
  snapshot: PortalSnapshot,
): string {
  const known = new Map(snapshot.widgets.map((w) => [w.name, w]));
  const title = (name: string) => known.get(name)?.title['zh-CN'] ?? name;
  const lines = [
    `${village.name} ${village.code} · portal version ${current.version} (saved ${current.createdAt} by ${current.createdBy})`,
    'widgets:',
  ];
  for (const w of current.config.widgets) {
    const standard = known.get(w.name)?.kind === 'standard' ? ' (standard module)' : '';
    lines.push(`  ${w.name}@${w.version}  ${title(w.name)}${standard}`);
    lines.push(`      ${w.placements.map((p) => placementText(village.code, p)).join(', ')}`);
    lines.push(`      config: ${JSON.stringify(w.config)}`);
  }
  if (current.config.widgets.length === 0) lines.push('  (none)');
  lines.push(`home tiles: ${inOrder(current.config, 'village.home.tile/v1', title).join(' · ') || '(none)'}`);
  lines.push(`navigation: ${inOrder(current.config, 'village.nav/v1', title).join(' · ') || '(none)'}`);
  for (const w of current.warnings) lines.push(`warning: ${w.zh} / ${w.en}`);
  return `${lines.join('\n')}\n`;
}
