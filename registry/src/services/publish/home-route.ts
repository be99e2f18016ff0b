/**
 * The province's limit on a widget's home route (issue #16): every village home carries each placed
 * tile's remote entry and the files that tile needs, on residents' phones over weak networks. The
 * registry recomputes the bytes from the tarball (gzip, as the asset route serves them to a browser
 * without brotli), never trusting the figure the manifest claims: the remote entry plus the files the
 * manifest's `exposeAssets` lists for each home tile (verified to be among the assets), or every script
 * when a build predates those lists.
 */
import { gzipSync } from 'node:zlib';
import type { BuiltManifest } from '@cunmen/manifest';
import { regError } from '../../errors.js';
import type { TarballContents } from '../tarball.js';

/** The default province limit, gzip bytes: a tile's whole cost on the home (entry included). */
export const DEFAULT_HOME_ROUTE_LIMIT = 48 * 1024;

/** The home route's gzip bytes and the files counted, or null for a widget without a home tile. */
export function homeRouteSize(
  manifest: BuiltManifest,
  contents: TarballContents,
): { bytes: number; files: string[] } | null {
  const tiles = manifest.contributes.filter((c) => c.slot === 'village.home.tile/v1' && c.expose);
  if (tiles.length === 0) return null;
  const listed = manifest.exposeAssets;
  const paths = listed
    ? tiles.flatMap((c) => listed[c.expose as string] ?? [])
    : manifest.assets.map((a) => a.path).filter((p) => p.endsWith('.js'));
  const files = [...new Set([manifest.remote.entry, ...paths])];
  let bytes = 0;
  for (const path of files) {
    const body = contents.read.get(`package/dist/${path}`);
    if (body) bytes += gzipSync(body, { level: 9 }).length;
  }
  return { bytes, files };
}

/** Refuses a publish whose home route is above `limit` gzip bytes; returns the size otherwise. */
export function checkHomeRoute(
  manifest: BuiltManifest,
  contents: TarballContents,
  limit: number,
): { bytes: number; files: string[] } | null {
  const size = homeRouteSize(manifest, contents);
  if (size !== null && size.bytes > limit) {
    throw regError(
      'REG_ERR_HOME_ROUTE_BUDGET',
      `the home route of ${manifest.name}@${manifest.version} is ${size.bytes} bytes gzip (${size.files.join(' + ')}), above the province limit of ${limit} bytes; load heavy code lazily on the module's own page`,
      {
        zh: `首页磁贴的代码压缩后 ${size.bytes} 字节（${size.files.join(' + ')}），超过本省上限 ${limit} 字节；请把较大的依赖改为在模块自己的页面中按需加载`,
      },
    );
  }
  return size;
}
