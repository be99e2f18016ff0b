/**
 * Which files each exposed module needs before it can run: the expose's own chunk and the chunks it
 * imports statically (the preset's `shared` chunk), with their CSS — never the chunks it loads lazily
 * (`import()` of a chart library on the cadre page). The bundler knows this; it is in the MF manifest
 * (`exposes[].assets.{js,css}.sync`). The build copies it into the built manifest as `exposeAssets`, so
 * the shell preloads exactly a home tile's files and the size budget counts a route's real cost.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Asset, WidgetManifest } from '@cunmen/manifest';

interface MfExpose {
  path?: unknown;
  assets?: { js?: { sync?: unknown }; css?: { sync?: unknown } };
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/**
 * expose key (`./Tile`) → the asset paths it needs synchronously, in load order, each among `assets`.
 * Empty when the build wrote no MF manifest (the exposes check reports that).
 */
export function exposeAssetsOf(dir: string, mfManifest: string, assets: readonly Asset[]) {
  const file = join(dir, mfManifest);
  const out: Record<string, string[]> = {};
  if (!existsSync(file)) return out;
  const known = new Set(assets.map((a) => a.path));
  const mf = JSON.parse(readFileSync(file, 'utf8')) as { exposes?: MfExpose[] };
  for (const expose of mf.exposes ?? []) {
    if (typeof expose.path !== 'string') continue;
    const paths = [...strings(expose.assets?.js?.sync), ...strings(expose.assets?.css?.sync)];
    out[expose.path] = [...new Set(paths)].filter((p) => known.has(p));
  }
  return out;
}

/** Gzip bytes of the JS and CSS one expose needs, the remote entry included (what a route costs). */
export function exposeGzip(entry: string, paths: readonly string[], assets: readonly Asset[]): number {
  const byPath = new Map(assets.map((a) => [a.path, a]));
  return [entry, ...paths].reduce((n, p) => n + (byPath.get(p)?.gzip ?? 0), 0);
}

/**
 * The home route's gzip bytes: the entry plus every file the widget's home tiles need (each counted
 * once), or null when the widget contributes no home tile.
 */
export function homeRouteGzip(
  manifest: Pick<WidgetManifest, 'contributes'>,
  entry: string,
  exposeAssets: Readonly<Record<string, readonly string[]>>,
  assets: readonly Asset[],
): number | null {
  const tiles = manifest.contributes.filter((c) => c.slot === 'village.home.tile/v1' && c.expose);
  if (tiles.length === 0) return null;
  const paths = new Set(tiles.flatMap((c) => exposeAssets[c.expose as string] ?? []));
  return exposeGzip(
    entry,
    [...paths].filter((p) => p !== entry),
    assets,
  );
}
