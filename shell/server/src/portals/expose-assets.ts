/**
 * The per-expose asset lists a snapshot widget carries (`exposeAssets`), from the release's built
 * manifest: only well-formed lists, only paths among the signed assets. A release built before the
 * lists existed yields nothing, and the browser falls back to guessing from file names.
 */
export function exposeAssetsOf(
  manifest: Readonly<Record<string, unknown>>,
  assets: Readonly<Record<string, string>>,
): { exposeAssets?: Record<string, string[]> } {
  const raw = manifest.exposeAssets;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {};
  const out: Record<string, string[]> = {};
  for (const [expose, list] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(list)) continue;
    out[expose] = list.filter((p): p is string => typeof p === 'string' && Object.hasOwn(assets, p));
  }
  return Object.keys(out).length > 0 ? { exposeAssets: out } : {};
}
