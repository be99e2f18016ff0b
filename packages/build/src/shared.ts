/**
 * Shared singletons: a widget never bundles these; the shell provides exactly one copy of each, so a
 * widget's JavaScript is only its own code. Which packages they are, and the versions the shell
 * provides, is the platform's one table (`SHARED_SINGLETONS` of @cunmen/manifest). The ranges a widget
 * needs come from its peerDependencies; a package it declares nothing for gets the range compatible
 * with the shell's version.
 */
import { compatibleRange, SHARED_SINGLETON_NAMES, SHARED_SINGLETONS } from '@cunmen/manifest';
import type { WidgetPackageJson } from './widget-package.js';

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
  for (const name of SHARED_SINGLETON_NAMES) {
    const { package: source, version } = SHARED_SINGLETONS[name];
    const declared = normalizeRange(pkg.peerDependencies?.[source] ?? pkg.dependencies?.[source]);
    // The SDK range is the manifest's `sdk`: the one the shell checks at assembly.
    out[name] = name === '@cunmen/sdk' ? sdkRange : (declared ?? compatibleRange(version));
  }
  return out;
}
