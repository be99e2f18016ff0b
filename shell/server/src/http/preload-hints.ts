/**
 * Preload hints in the portal page (issue #16): the snapshot already names every file the first screen
 * needs — each home tile's remoteEntry.js, its expose chunk and the chunks and CSS that chunk imports
 * (the snapshot's `exposeAssets`), with their SRI — so the page asks for all of them in parallel with
 * the shell's own script instead of the shell's loader asking after it has run (one serial round trip
 * after the HTML instead of two). Each link carries `integrity` and `crossorigin="anonymous"`, the same
 * as the script the MF runtime inserts later, so the browser reuses the preloaded response. Nothing
 * runs from a preload: the browser's trust check still decides which widget is registered.
 */
import { escapeHtml } from './pages.js';

interface HintWidget {
  name: string;
  remote: { entry: string };
  assets: Record<string, string>;
  assetBase: string;
  exposeAssets?: Record<string, string[]>;
  placements: { slot: string; expose?: string; route?: string }[];
}

export interface HintAsset {
  url: string;
  integrity: string;
  as: 'script' | 'style';
}

const EXPOSE_CHUNK = /(?:^|\/)__federation_expose_([A-Za-z0-9_-]+)\.[^/]*\.js$/;
const SHARED_CHUNK = /(?:^|\/)shared\.[^/]*\.js$/;

/** The files one expose needs, entry first (the same choice as shell/web's `scriptsFor`). */
function filesOf(widget: HintWidget, expose: string): HintAsset[] {
  const entryPath = widget.remote.entry.startsWith(widget.assetBase)
    ? widget.remote.entry.slice(widget.assetBase.length)
    : null;
  const name = expose.replace(/^\.\//, '');
  const listed = widget.exposeAssets?.[expose];
  const paths = listed
    ? listed
    : Object.keys(widget.assets).filter((p) => {
        const match = EXPOSE_CHUNK.exec(p);
        return match ? match[1] === name : SHARED_CHUNK.test(p);
      });
  const out: HintAsset[] = [];
  for (const path of entryPath === null ? paths : [entryPath, ...paths.filter((p) => p !== entryPath)]) {
    const integrity = widget.assets[path];
    if (integrity === undefined || !(path.endsWith('.js') || path.endsWith('.css'))) continue;
    out.push({ url: widget.assetBase + path, integrity, as: path.endsWith('.css') ? 'style' : 'script' });
  }
  return out;
}

/**
 * What the page at `rest` (the path below `/v/<village>/`) preloads: every home tile's files on the
 * home, the page's files on a module page, nothing elsewhere — the same widgets the shell's boot code
 * preloads (it skips the links already in the page).
 */
export function hintAssets(snapshot: { widgets: HintWidget[] }, rest: string): HintAsset[] {
  const route = rest.split(/[/?#]/)[0] ?? '';
  const seen = new Set<string>();
  const out: HintAsset[] = [];
  for (const widget of snapshot.widgets) {
    for (const p of widget.placements) {
      const wanted =
        route === '' ? p.slot === 'village.home.tile/v1' : p.slot === 'village.page/v1' && p.route === route;
      if (!wanted || !p.expose) continue;
      for (const asset of filesOf(widget, p.expose)) {
        if (seen.has(asset.url)) continue;
        seen.add(asset.url);
        out.push(asset);
      }
    }
  }
  return out;
}

/** The `<link rel=preload>` tags for `assets`. */
export function hintLinks(assets: readonly HintAsset[]): string {
  return assets
    .map(
      (a) =>
        `<link rel="preload" as="${a.as}" href="${escapeHtml(a.url)}" integrity="${escapeHtml(a.integrity)}" crossorigin="anonymous">`,
    )
    .join('');
}

/** The page with the hints placed just before `</head>` (after the shell's own script). */
export function injectHints(page: string, links: string): string {
  if (links === '') return page;
  return page.replace(/<\/head>/i, () => `${links}</head>`);
}

/** Per served snapshot (the service caches those objects): its parsed widgets and the links per route. */
const cache = new WeakMap<object, { snapshot: { widgets: HintWidget[] }; links: Map<string, string> }>();

/** The hint links of `rest` for a served snapshot, computed once per snapshot and route. */
export function hintsFor(served: { json: string }, rest: string): string {
  let entry = cache.get(served);
  if (!entry) {
    entry = { snapshot: JSON.parse(served.json) as { widgets: HintWidget[] }, links: new Map() };
    cache.set(served, entry);
  }
  const route = rest.split(/[/?#]/)[0] ?? '';
  const known = entry.links.get(route);
  if (known !== undefined) return known;
  const links = hintLinks(hintAssets(entry.snapshot, route));
  // Only routes with hints (and the home) are kept, so arbitrary paths cannot grow the map.
  if (links !== '' || route === '') entry.links.set(route, links);
  return links;
}
