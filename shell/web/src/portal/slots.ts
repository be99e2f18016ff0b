/**
 * What the resident portal renders, from the snapshot's placements: home tiles ordered by `order`,
 * pages by route, bottom-nav entries. `cadre.page/v1` is never part of the resident portal.
 */
import type { LocalizedText, PortalSnapshot, SnapshotWidget } from '@cunmen/manifest';
import type { Locale } from '@cunmen/sdk';

export interface SlotEntry {
  key: string;
  widget: SnapshotWidget;
  expose: string;
  order: number;
  title: string;
}

export interface PageEntry extends SlotEntry {
  route: string;
}

export interface NavEntry {
  key: string;
  route: string;
  label: string;
  icon?: string;
  order: number;
}

export interface PortalLayout {
  tiles: SlotEntry[];
  pages: Map<string, PageEntry>;
  nav: NavEntry[];
}

/** The `cadre.page/v1` placements, for the cadre console (never rendered in the resident portal). */
export function cadrePagesOf(snapshot: PortalSnapshot, locale: Locale): PageEntry[] {
  const pages: PageEntry[] = [];
  const seen = new Set<string>();
  for (const widget of snapshot.widgets) {
    widget.placements.forEach((p, i) => {
      if (p.slot !== 'cadre.page/v1' || !p.expose || !p.route || seen.has(p.route)) return;
      seen.add(p.route);
      const title = text(p.title, widget.title, locale);
      pages.push({
        key: `${widget.name}#${i}`,
        widget,
        expose: p.expose,
        order: p.order,
        title,
        route: p.route,
      });
    });
  }
  return pages.sort(byOrder);
}

function text(value: LocalizedText | undefined, fallback: LocalizedText, locale: Locale): string {
  const chosen = value ?? fallback;
  return (locale === 'en' ? chosen.en : undefined) ?? chosen['zh-CN'];
}

const byOrder = <T extends { order: number; key: string }>(a: T, b: T) =>
  a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function layoutOf(snapshot: PortalSnapshot, locale: Locale): PortalLayout {
  const tiles: SlotEntry[] = [];
  const pages = new Map<string, PageEntry>();
  const nav: NavEntry[] = [];
  for (const widget of snapshot.widgets) {
    widget.placements.forEach((p, i) => {
      const key = `${widget.name}#${i}`;
      const title = text(p.title, widget.title, locale);
      if (p.slot === 'village.home.tile/v1' && p.expose) {
        tiles.push({ key, widget, expose: p.expose, order: p.order, title });
      } else if (p.slot === 'village.page/v1' && p.expose && p.route && !pages.has(p.route)) {
        pages.set(p.route, { key, widget, expose: p.expose, order: p.order, title, route: p.route });
      } else if (p.slot === 'village.nav/v1' && p.route) {
        nav.push({ key, route: p.route, label: title, icon: p.icon, order: p.order });
      }
    });
  }
  tiles.sort(byOrder);
  nav.sort(byOrder);
  return { tiles, pages, nav: nav.filter((n) => pages.has(n.route)) };
}
