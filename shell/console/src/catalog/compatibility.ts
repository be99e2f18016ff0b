/**
 * Can this shell run a catalog entry? Its `sdk` range must accept the shell's SDK and each shared
 * singleton range the copy the shell provides — the checks the shell server makes when a portal is
 * saved (shell/server/src/portals/resolve.ts), with the same table (`SHARED_SINGLETONS` of
 * `@cunmen/manifest`) and the same functions, so the badge never promises what a save would refuse.
 */
import { findSharedConflicts, SHARED_SINGLETONS, sdkSatisfies, sharedVersions } from '@cunmen/manifest';
import type { SharedRanges } from './types.js';

export interface HostProvides {
  sdk: string;
  shared: Readonly<Record<string, string>>;
}

/** What this console's shell provides to widgets (the build's table, as the server's). */
export const THIS_SHELL: HostProvides = {
  sdk: SHARED_SINGLETONS['@cunmen/sdk'].version,
  shared: sharedVersions(),
};

export type CompatProblem =
  | { kind: 'sdk'; needs: string; has: string }
  | { kind: 'shared'; name: string; needs: string; has: string | null };

export interface Compatibility {
  status: 'compatible' | 'incompatible' | 'unknown';
  /** Why not, one line each; empty when compatible. */
  problems: CompatProblem[];
  /** Why it could not be told: no SDK range (a library), or the shared ranges were not read. */
  reason?: 'no-sdk' | 'shared-unknown';
}

export function checkCompatibility(
  entry: { sdk: string | null; shared: SharedRanges },
  host: HostProvides = THIS_SHELL,
): Compatibility {
  if (entry.sdk === null) return { status: 'unknown', problems: [], reason: 'no-sdk' };
  const problems: CompatProblem[] = [];
  if (!sdkSatisfies(entry.sdk, host.sdk)) problems.push({ kind: 'sdk', needs: entry.sdk, has: host.sdk });
  if (entry.shared !== null) {
    for (const conflict of findSharedConflicts(host.shared as Record<string, string>, [
      { id: 'entry', shared: entry.shared },
    ])) {
      problems.push({
        kind: 'shared',
        name: conflict.dependency,
        needs: conflict.requested.entry ?? '',
        has: conflict.dependency in host.shared ? conflict.provided : null,
      });
    }
  }
  if (problems.length > 0) return { status: 'incompatible', problems };
  if (entry.shared === null) return { status: 'unknown', problems, reason: 'shared-unknown' };
  return { status: 'compatible', problems };
}
