/**
 * One-widget edits of a village config, as pure functions: add (with placements defaulted from what the
 * widget contributes), remove, move among the home tiles and navigation entries, and configure. Each
 * returns a new config and leaves every other widget as it was (a move renumbers the `order` of the
 * slots it reorders, which is what the portal sorts by). Refusals name the field they are about.
 */
import type { Contribution, VillageConfig } from '@cunmen/manifest';
import { shellError } from '../errors.js';

export type WidgetEntry = VillageConfig['widgets'][number];
export type Placement = WidgetEntry['placements'][number];

/** The slots a move reorders by default: what residents see in a sequence. */
export const ORDERED_SLOTS = ['village.home.tile/v1', 'village.nav/v1'] as const;
type OrderedSlot = Placement['slot'];

const TILE = 'village.home.tile/v1';
const PAGE = 'village.page/v1';
const NAV = 'village.nav/v1';
const CADRE = 'cadre.page/v1';

export function notInPortal(name: string, field = 'name') {
  return shellError('SHELL_ERR_WIDGET_NOT_IN_PORTAL', `${field}: ${name} is not in this portal`, {
    zh: `${field}：本村门户中没有组件 ${name}`,
    field,
    widget: name,
  });
}

function entryOf(config: VillageConfig, name: string, field = 'name'): WidgetEntry {
  const entry = config.widgets.find((w) => w.name === name);
  if (!entry) throw notInPortal(name, field);
  return entry;
}

export interface PlacementChoice {
  /** Which of the widget's page routes to place (default: its short name, else its first page). */
  route?: string;
  tile: boolean;
  nav: boolean;
}

/**
 * The placements of a newly added widget: its home tiles, the page at the chosen route with its
 * navigation entry, and its cadre pages — each as the widget contributes it.
 */
export function defaultPlacements(
  name: string,
  contributes: readonly Contribution[],
  choice: PlacementChoice,
): Placement[] {
  const short = name.slice(name.indexOf('/') + 1);
  const routes = contributes
    .filter((c) => c.slot === PAGE || c.slot === NAV)
    .map((c) => c.route)
    .filter((r): r is string => r !== undefined);
  if (choice.route !== undefined && !routes.includes(choice.route)) {
    const has = [...new Set(routes)];
    throw shellError(
      'SHELL_ERR_UNKNOWN_ROUTE',
      `route: ${name} has no page "${choice.route}" (it has ${has.join(', ') || 'none'})`,
      {
        zh: `route：组件 ${name} 没有页面 "${choice.route}"（已有：${has.join('、') || '无'}）`,
        field: 'route',
        widget: name,
      },
    );
  }
  const pages = contributes.filter((c) => c.slot === PAGE).map((c) => c.route);
  const route = choice.route ?? (pages.includes(short) ? short : (pages[0] ?? routes[0]));
  const out: Placement[] = [];
  for (const c of contributes) {
    if (c.slot === TILE && choice.tile) out.push({ slot: TILE, expose: c.expose, order: 100 });
    else if (c.slot === PAGE && c.route === route)
      out.push({ slot: PAGE, expose: c.expose, route, order: 100 });
    else if (c.slot === NAV && c.route === route && choice.nav) out.push({ slot: NAV, route, order: 100 });
    else if (c.slot === CADRE) out.push({ slot: CADRE, expose: c.expose, route: c.route, order: 100 });
  }
  if (out.length === 0) {
    throw shellError(
      'SHELL_ERR_BAD_REQUEST',
      `placements: with these choices ${name} would be placed nowhere`,
      {
        zh: `placements：按所选方式，组件 ${name} 没有可放置的位置`,
        field: 'placements',
        widget: name,
      },
    );
  }
  return out;
}

/** `entry` appended, its tiles, navigation entries and cadre pages after every existing one. */
export function addWidget(config: VillageConfig, entry: WidgetEntry): VillageConfig {
  if (config.widgets.some((w) => w.name === entry.name)) {
    throw shellError(
      'SHELL_ERR_WIDGET_ALREADY_IN_PORTAL',
      `name: ${entry.name} is already in this portal; change it with PATCH …/widgets/<name> (portal configure)`,
      {
        zh: `name：门户中已有组件 ${entry.name}，如需修改请用“修改配置”（portal configure）`,
        field: 'name',
        widget: entry.name,
      },
    );
  }
  const last = (slot: OrderedSlot) =>
    Math.max(
      0,
      ...config.widgets.flatMap((w) => w.placements.filter((p) => p.slot === slot).map((p) => p.order)),
    );
  const placements = entry.placements.map((p) =>
    p.slot === PAGE || last(p.slot) < p.order ? p : { ...p, order: Math.min(1000, last(p.slot) + 10) },
  );
  return { ...config, widgets: [...config.widgets, { ...entry, placements }] };
}

export function removeWidget(config: VillageConfig, name: string): VillageConfig {
  entryOf(config, name);
  return { ...config, widgets: config.widgets.filter((w) => w.name !== name) };
}

/** Where a move puts the widget: a 1-based position, or before or after another widget. */
export type MoveTarget = { to: number } | { before: string } | { after: string };

interface SlotEntry {
  widget: string;
  index: number;
  order: number;
}

/** The entries of `slot` in the order the portal shows them (by `order`, then by name, as the web app). */
function entriesOf(config: VillageConfig, slot: OrderedSlot): SlotEntry[] {
  const key = (e: SlotEntry) => `${e.widget}#${e.index}`;
  return config.widgets
    .flatMap((w) => w.placements.map((p, index) => ({ widget: w.name, index, order: p.order, slot: p.slot })))
    .filter((e) => e.slot === slot)
    .sort((a, b) => a.order - b.order || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Moves `name` to `target` in each of `slots` where it has an entry (the home tiles and the
 * navigation entries by default), renumbering those slots' `order` 10, 20, 30…
 */
export function moveWidget(
  config: VillageConfig,
  name: string,
  target: MoveTarget,
  slots: readonly OrderedSlot[] = ORDERED_SLOTS,
): VillageConfig {
  entryOf(config, name);
  const other = 'before' in target ? target.before : 'after' in target ? target.after : undefined;
  if (other !== undefined) {
    entryOf(config, other, 'before' in target ? 'before' : 'after');
    if (other === name) {
      throw shellError(
        'SHELL_ERR_BAD_REQUEST',
        `${'before' in target ? 'before' : 'after'}: a widget cannot move next to itself`,
        {
          zh: '不能把组件移到它自己旁边',
          field: 'before' in target ? 'before' : 'after',
        },
      );
    }
  }
  const orders = new Map<string, number>();
  let moved = false;
  for (const slot of slots) {
    const entries = entriesOf(config, slot);
    const mine = entries.filter((e) => e.widget === name);
    const rest = entries.filter((e) => e.widget !== name);
    if (mine.length === 0) continue;
    let at: number;
    if ('to' in target) at = Math.min(Math.max(target.to - 1, 0), rest.length);
    else {
      const theirs = rest.flatMap((e, i) => (e.widget === other ? [i] : []));
      if (theirs.length === 0) continue;
      at = 'before' in target ? (theirs[0] as number) : (theirs[theirs.length - 1] as number) + 1;
    }
    const sequence = [...rest.slice(0, at), ...mine, ...rest.slice(at)];
    const step = sequence.length < 100 ? 10 : 1;
    for (const [k, e] of sequence.entries()) {
      orders.set(`${e.widget}#${e.index}`, Math.min(1000, (k + 1) * step));
    }
    moved = true;
  }
  if (!moved) {
    throw shellError(
      'SHELL_ERR_BAD_REQUEST',
      `slots: ${name} has no entry in ${slots.join(', ')}${other ? ` next to ${other}` : ''} to move`,
      {
        zh: `slots：组件 ${name} 在所选位置${other ? `（与 ${other} 相邻）` : ''}没有可移动的入口`,
        field: 'slots',
        widget: name,
      },
    );
  }
  return {
    ...config,
    widgets: config.widgets.map((w) => ({
      ...w,
      placements: w.placements.map((p, i) => {
        const order = orders.get(`${w.name}#${i}`);
        return order === undefined ? p : { ...p, order };
      }),
    })),
  };
}

/** A change to one widget: its whole config, single keys (dotted paths), its placements, its version. */
export interface WidgetChange {
  config?: Record<string, unknown>;
  set?: Record<string, unknown>;
  unset?: readonly string[];
  placements?: Placement[];
  version?: string;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown, remove: boolean) {
  const keys = path.split('.');
  let at = target;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) {
      if (remove) return;
      at[key] = {};
    } else at[key] = { ...(next as Record<string, unknown>) };
    at = at[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1] as string;
  if (remove) delete at[last];
  else at[last] = value;
}

export function configureWidget(config: VillageConfig, name: string, change: WidgetChange): VillageConfig {
  const entry = entryOf(config, name);
  const next: Record<string, unknown> = { ...(change.config ?? entry.config) };
  for (const [path, value] of Object.entries(change.set ?? {})) setPath(next, path, value, false);
  for (const path of change.unset ?? []) setPath(next, path, undefined, true);
  const updated: WidgetEntry = {
    ...entry,
    config: next,
    ...(change.placements ? { placements: change.placements } : {}),
    ...(change.version ? { version: change.version } : {}),
  };
  return { ...config, widgets: config.widgets.map((w) => (w.name === name ? updated : w)) };
}
