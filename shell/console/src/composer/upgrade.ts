/**
 * Whether a placed service has a newer approved version this platform can run — the catalog's
 * versions of it, newest first: not withdrawn, not a pre-release, newer than the one placed, and not
 * known to be incompatible with this shell (its SDK range, and each shared singleton the catalog read
 * from its signed release). A version whose shared ranges were not read is still offered: the server
 * checks everything before it keeps the upgrade.
 */
import { compareVersions } from '@cunmen/manifest';
import { checkCompatibility } from '../catalog/compatibility.js';
import type { CatalogDetail } from '../catalog/types.js';

export function newerVersion(
  placed: string,
  detail: Pick<CatalogDetail, 'versions'> | undefined,
): string | null {
  const candidates = (detail?.versions ?? [])
    .filter((v) => !v.yanked && !v.version.includes('-'))
    .filter((v) => v.compatibility.badge !== 'incompatible')
    .filter(
      (v) => checkCompatibility({ sdk: v.compatibility.sdk, shared: v.shared }).status !== 'incompatible',
    )
    .map((v) => v.version)
    .filter((v) => compareVersions(v, placed) > 0)
    .sort(compareVersions);
  return candidates[candidates.length - 1] ?? null;
}
