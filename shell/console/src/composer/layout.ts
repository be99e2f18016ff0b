/**
 * The portal as residents meet it, from a draft config: the home tiles and the navigation entries in
 * the order the resident app shows them (by `order`, then by widget and placement — shell/web's
 * `layoutOf`), the pages by route; and the edits the composer makes to it — moving an entry within its
 * list (the list renumbered 10, 20, 30…, as the server's move does) and removing a service with
 * everything it placed.
 */
import type { DraftConfig, Placement, ServiceInfo } from './types.js';

export const TILE = 'village.home.tile/v1' as const;
export const NAV = 'village.nav/v1' as const;
export const PAGE = 'village.page/v1' as const;
export type OrderedSlot = typeof TILE | typeof NAV;

export interface Entry {
  /** `<package>#<placement index>`, unique in the config. */
  key: string;
  name: string;
  index: number;
  order: number;
  /** What residents read: the contribution's title, else the service's. */
  title: string;
  route?: string;
}

/** The title of a placement, as the resident app words it. */
export function titleOf(name: string, placement: Placement, info: ServiceInfo | undefined): string {
  const match = info?.contributes.find(
    (c) =>
      c.slot === placement.slot &&
      (placement.expose === undefined || c.expose === placement.expose) &&
      (placement.route === undefined || c.route === placement.route),
  );
  return match?.title?.['zh-CN'] ?? info?.title['zh-CN'] ?? name;
}

const byOrder = (a: Entry, b: Entry) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The entries of one slot, in the order residents see them. */
export function entriesOf(
  config: DraftConfig,
  slot: OrderedSlot | typeof PAGE,
  services: Readonly<Record<string, ServiceInfo>>,
): Entry[] {
  const entries = config.widgets.flatMap((w) =>
    w.placements.flatMap((p, index) =>
      p.slot === slot
        ? [
            {
              key: `${w.name}#${index}`,
              name: w.name,
              index,
              order: p.order,
              title: titleOf(w.name, p, services[w.name]),
              ...(p.route ? { route: p.route } : {}),
            },
          ]
        : [],
    ),
  );
  if (slot === PAGE) return entries.sort((a, b) => (a.route ?? '').localeCompare(b.route ?? ''));
  return entries.sort(byOrder);
}

/** `config` with the entry at `from` of `slot` moved to `to` (0-based), the slot renumbered. */
export function moveEntry(config: DraftConfig, slot: OrderedSlot, from: number, to: number): DraftConfig {
  const list = entriesOf(config, slot, {});
  if (from < 0 || from >= list.length || to < 0 || to >= list.length || from === to) return config;
  const sequence = [...list];
  const [moved] = sequence.splice(from, 1);
  if (!moved) return config;
  sequence.splice(to, 0, moved);
  const step = sequence.length < 100 ? 10 : 1;
  const orders = new Map(sequence.map((e, k) => [e.key, Math.min(1000, (k + 1) * step)]));
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

/** `config` without the service `name` (its tile, page, navigation entry and cadre pages). */
export function removeService(config: DraftConfig, name: string): DraftConfig {
  return { ...config, widgets: config.widgets.filter((w) => w.name !== name) };
}

/** `config` with one service's settings replaced. */
export function configureService(
  config: DraftConfig,
  name: string,
  settings: Record<string, unknown>,
): DraftConfig {
  return {
    ...config,
    widgets: config.widgets.map((w) => (w.name === name ? { ...w, config: settings } : w)),
  };
}

/** `config` with one service pinned to another version (the server checks it before keeping it). */
export function upgradeService(config: DraftConfig, name: string, version: string): DraftConfig {
  return { ...config, widgets: config.widgets.map((w) => (w.name === name ? { ...w, version } : w)) };
}
