/**
 * Whether a placed service has a newer approved version this platform can run — the catalog's
 * versions of it, newest first: not withdrawn, compatible with this shell, newer than the one placed.
 */
import { compareVersions } from '@cunmen/manifest';
import type { CatalogDetail } from '../catalog/types.js';

export function newerVersion(
  placed: string,
  detail: Pick<CatalogDetail, 'versions'> | undefined,
): string | null {
  const candidates = (detail?.versions ?? [])
    .filter((v) => !v.yanked && v.compatibility.badge !== 'incompatible' && !v.version.includes('-'))
    .map((v) => v.version)
    .filter((v) => compareVersions(v, placed) > 0)
    .sort(compareVersions);
  return candidates[candidates.length - 1] ?? null;
}
