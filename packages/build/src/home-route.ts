/**
 * A built widget's home route as a resident's phone receives it: the remote entry plus the files its
 * home tile needs (`exposeAssets` of `dist/cunmen.json`), each compressed as the registry serves it —
 * brotli at the registry's quality to a browser that takes it (every browser the portal supports),
 * gzip to one that does not. Widget tests hold it against `HOME_ROUTE_WIRE_BUDGET`, so a tile that
 * pulls a heavy library onto the village home fails `npm test`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { type BuiltManifest, builtManifestSchema } from '@cunmen/manifest';

/**
 * Bytes on the wire (brotli) one widget's home tile may cost, its remote entry included: the village
 * home's goal is 120 KB for the shell and every placed tile together (DESIGN.md).
 */
export const HOME_ROUTE_WIRE_BUDGET = 20 * 1024;

export interface HomeRouteOnTheWire {
  files: string[];
  /** Uncompressed bytes. */
  identity: number;
  brotli: number;
  gzip: number;
}

/** The home route of the build in `distDir` (a path or a file: URL), or null without a home tile. */
export function homeRouteOnTheWire(distDir: string | URL): HomeRouteOnTheWire | null {
  const dir = typeof distDir === 'string' ? distDir : fileURLToPath(distDir);
  const manifest: BuiltManifest = builtManifestSchema.parse(
    JSON.parse(readFileSync(join(dir, 'cunmen.json'), 'utf8')),
  );
  const tiles = manifest.contributes.filter((c) => c.slot === 'village.home.tile/v1' && c.expose);
  if (tiles.length === 0) return null;
  if (!manifest.exposeAssets) throw new Error(`${dir}/cunmen.json has no exposeAssets: rebuild it`);
  const listed = manifest.exposeAssets;
  const files = [
    ...new Set([manifest.remote.entry, ...tiles.flatMap((c) => listed[c.expose as string] ?? [])]),
  ];
  const out: HomeRouteOnTheWire = { files, identity: 0, brotli: 0, gzip: 0 };
  for (const file of files) {
    const bytes = readFileSync(join(dir, file));
    out.identity += bytes.length;
    out.gzip += gzipSync(bytes, { level: 9 }).length;
    out.brotli += brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY },
    }).length;
  }
  return out;
}
