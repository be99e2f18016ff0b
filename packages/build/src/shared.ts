/**
 * Shared singletons: a widget never bundles these; the shell provides exactly one copy of each, so a
 * widget's JavaScript is only its own code. The ranges a widget needs come from its peerDependencies.
 */
import type { WidgetPackageJson } from './widget-package.js';

export const SHARED_SINGLETONS = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  '@cunmen/sdk',
  '@cunmen/ui',
] as const;

/** Packages whose range must be declared (subpaths take their package's range). */
const RANGE_SOURCES: Record<(typeof SHARED_SINGLETONS)[number], string> = {
  react: 'react',
  'react-dom': 'react-dom',
  'react/jsx-runtime': 'react',
  '@cunmen/sdk': '@cunmen/sdk',
  '@cunmen/ui': '@cunmen/ui',
};

const FALLBACK_RANGES: Record<string, string> = { react: '^19.0.0', 'react-dom': '^19.0.0' };

function normalizeRange(range: string | undefined): string | undefined {
  if (range === undefined) return undefined;
  // workspace:^ / workspace:* inside the monorepo mean "the version next to me"; the published
  // package carries a real range (pnpm rewrites it on pack), so any 0.x or later is accepted here.
  if (range.startsWith('workspace:') || range.startsWith('link:') || range.startsWith('file:'))
    return undefined;
  return range;
}

export function sharedRanges(pkg: WidgetPackageJson, sdkRange: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of SHARED_SINGLETONS) {
    const source = RANGE_SOURCES[name];
    const declared = normalizeRange(pkg.peerDependencies?.[source] ?? pkg.dependencies?.[source]);
    if (name === '@cunmen/sdk') out[name] = sdkRange;
    else out[name] = declared ?? FALLBACK_RANGES[source] ?? sdkRange;
  }
  return out;
}
