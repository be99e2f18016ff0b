/**
 * Preloads, right after the snapshot is read and before React renders, everything a home tile needs:
 * its remoteEntry.js, its exposed chunk and the remote's shared chunks, each as
 * `<link rel="preload" as="script" integrity crossorigin="anonymous">`. The scripts that later ask for
 * the same URL with the same SRI and CORS mode reuse these responses, so a widget costs one round
 * trip after the shell's own JavaScript instead of entry → chunk.
 */
import type { SnapshotWidget } from '@cunmen/manifest';
import type { AssetIndex, SignedAsset } from './integrity.js';

const EXPOSE_CHUNK = /(?:^|\/)__federation_expose_([A-Za-z0-9_-]+)\.[^/]*\.js$/;

/** The preset's chunk of modules several exposes share (`shared.<hash>.js`). */
const SHARED_CHUNK = /(?:^|\/)shared\.[^/]*\.js$/;

/**
 * The files one exposed module needs before it runs, entry first. The snapshot's `exposeAssets` names
 * them exactly (the bundler's list: the expose's chunk, the chunks it imports statically, their CSS);
 * a snapshot made before that field existed falls back to the file names: the expose's chunk
 * (`__federation_expose_<Name>.<hash>.js`, the MF naming) and the preset's `shared` chunk. Never any
 * other chunk: those are loaded lazily (a chart library on the cadre page) and do not belong on the
 * home route.
 */
export function scriptsFor(widget: SnapshotWidget, expose: string, index: AssetIndex): SignedAsset[] {
  const name = expose.replace(/^\.\//, '');
  const assets = index.assetsOf(widget.name);
  const entry = assets.find((a) => a.url === widget.remote.entry);
  const listed = widget.exposeAssets?.[expose];
  let chunks: SignedAsset[];
  if (listed) {
    const byPath = new Map(assets.map((a) => [a.path, a]));
    chunks = listed.flatMap((path) => {
      const asset = byPath.get(path);
      return asset && asset !== entry ? [asset] : [];
    });
  } else {
    chunks = assets.filter((a) => {
      if (a.url === widget.remote.entry) return false;
      const match = EXPOSE_CHUNK.exec(a.path);
      return match ? match[1] === name : SHARED_CHUNK.test(a.path);
    });
  }
  return entry ? [entry, ...chunks] : chunks;
}

/** Adds one preload link per asset (skipping those already preloaded); returns the URLs. */
export function preloadScripts(assets: readonly SignedAsset[], doc: Document = document): string[] {
  const urls: string[] = [];
  const existing = new Set(
    Array.from(doc.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')).map((link) => link.href),
  );
  for (const asset of assets) {
    if (existing.has(asset.url)) continue;
    existing.add(asset.url);
    const link = doc.createElement('link');
    link.rel = 'preload';
    link.as = asset.path.endsWith('.css') ? 'style' : 'script';
    link.href = asset.url;
    link.setAttribute('integrity', asset.integrity);
    link.setAttribute('crossorigin', 'anonymous');
    doc.head.appendChild(link);
    urls.push(asset.url);
  }
  return urls;
}
