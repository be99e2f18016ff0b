/**
 * The phone preview of a village portal in the composer: what a resident's home shows — the village's
 * name with the 长辈版 switch, the home tiles in their order, a page when a tile or entry opens one, the
 * bottom navigation — each widget loaded like the resident app loads it (the trust gate, Module
 * Federation, the widget's own host and slot). The accent colour of the draft's theme is applied.
 */
import type { PortalSnapshot, SnapshotWidget } from '@cunmen/manifest';
import { createEventHub, type ElderlyMode, type EventHub, type Host } from '@cunmen/sdk';
import { loaderFor, type PortalFederation, WidgetSlot } from '@cunmen/shell-web/widget-runtime';
import { ElderlyModeSwitch, Icon, type IconName, ThemeProvider, TileGrid } from '@cunmen/ui';
import { type CSSProperties, useMemo, useState, useSyncExternalStore } from 'react';

interface Placed {
  key: string;
  widget: SnapshotWidget;
  expose?: string;
  route?: string;
  order: number;
  title: string;
  icon?: string;
}

/** Tiles and navigation entries by order then key, pages by route — as the resident app lays them out. */
export function previewLayout(snapshot: PortalSnapshot) {
  const tiles: Placed[] = [];
  const nav: Placed[] = [];
  const pages = new Map<string, Placed>();
  for (const widget of snapshot.widgets) {
    widget.placements.forEach((p, i) => {
      const entry = {
        key: `${widget.name}#${i}`,
        widget,
        expose: p.expose,
        route: p.route,
        order: p.order,
        title: (p.title ?? widget.title)['zh-CN'],
        icon: p.icon,
      };
      if (p.slot === 'village.home.tile/v1' && p.expose) tiles.push(entry);
      else if (p.slot === 'village.page/v1' && p.expose && p.route && !pages.has(p.route))
        pages.set(p.route, entry);
      else if (p.slot === 'village.nav/v1' && p.route) nav.push(entry);
    });
  }
  const byOrder = (a: Placed, b: Placed) => a.order - b.order || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  return {
    tiles: tiles.sort(byOrder),
    nav: nav.sort(byOrder).filter((n) => pages.has(n.route ?? '')),
    pages,
  };
}

/** Makes a widget's host in the preview (its host API goes through the console's bridge). */
export type PreviewHostFactory = (
  widget: SnapshotWidget,
  options: { elderly: ElderlyMode; events: EventHub; navigate(to: string): void },
) => Host;

export function PreviewPortal(props: {
  snapshot: PortalSnapshot;
  federation: PortalFederation;
  elderly: ElderlyMode;
  hostFor: PreviewHostFactory;
}) {
  const { snapshot, federation, elderly: mode, hostFor } = props;
  const elderly = useSyncExternalStore(mode.subscribe, mode.get, mode.get);
  const [route, setRoute] = useState<{ page: string; path: string } | null>(null);
  const layout = useMemo(() => previewLayout(snapshot), [snapshot]);
  const hosts = useMemo(() => {
    const hub = createEventHub();
    const navigate = (to: string) => {
      const [, page = '', ...rest] = to.split('/');
      setRoute(page ? { page, path: `/${rest.join('/')}` } : null);
    };
    const map = new Map<string, Host>();
    for (const w of snapshot.widgets) map.set(w.name, hostFor(w, { elderly: mode, events: hub, navigate }));
    return map;
  }, [snapshot, mode, hostFor]);
  const page = route ? layout.pages.get(route.page) : undefined;
  const accent = snapshot.theme.primary;
  const style = (accent ? { '--cm-color-primary': accent, '--cm-color-focus': accent } : {}) as CSSProperties;
  const slot = (entry: Placed, kind: 'village.home.tile/v1' | 'village.page/v1', path?: string) => (
    <WidgetSlot
      key={entry.key}
      widget={entry.widget.name}
      title={entry.title}
      slot={kind}
      load={loaderFor(federation, entry.widget, entry.expose ?? '')}
      host={hosts.get(entry.widget.name) ?? null}
      path={path}
    />
  );

  return (
    <ThemeProvider elderly={elderly} onElderlyChange={(v) => mode.set(v)} locale="zh-CN" className="preview">
      <div className="preview__themed" style={style}>
        <header className="preview__header">
          <h1 className="preview__title">{snapshot.village.name}</h1>
          <ElderlyModeSwitch checked={elderly} onChange={(v) => mode.set(v)} />
        </header>
        <main className="preview__main">
          {page && route ? (
            slot(page, 'village.page/v1', route.path)
          ) : (
            <section aria-labelledby="preview-services">
              {snapshot.theme.banner ? (
                <img
                  className="preview__banner"
                  src={`/media/banners/${snapshot.theme.banner}`}
                  alt=""
                  width={960}
                  height={320}
                />
              ) : null}
              <h2 id="preview-services" className="preview__section">
                本村服务
              </h2>
              <TileGrid label="本村服务">{layout.tiles.map((t) => slot(t, 'village.home.tile/v1'))}</TileGrid>
            </section>
          )}
        </main>
        <nav className="preview__nav" aria-label="底部导航">
          <ul>
            <li>
              <button
                type="button"
                aria-current={route === null ? 'page' : undefined}
                onClick={() => setRoute(null)}
              >
                <Icon name="home" />
                <span>首页</span>
              </button>
            </li>
            {layout.nav.map((n) => (
              <li key={n.key}>
                <button
                  type="button"
                  aria-current={route?.page === n.route ? 'page' : undefined}
                  onClick={() => setRoute({ page: n.route ?? '', path: '/' })}
                >
                  {n.icon ? <Icon name={n.icon as IconName} /> : null}
                  <span>{n.title}</span>
                </button>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </ThemeProvider>
  );
}
