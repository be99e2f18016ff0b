/** Semver helpers shared by the CLI, the registry and the shell's portal assembly. */
import semver from 'semver';

export const semverSchemaPattern = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

export function isExactVersion(value: string): boolean {
  return semver.valid(value) !== null && semverSchemaPattern.test(value);
}

export function isRange(value: string): boolean {
  return semver.validRange(value) !== null;
}

/** Does the host's SDK version satisfy the range a widget declares? Prereleases count when named. */
export function sdkSatisfies(widgetRange: string, hostVersion: string): boolean {
  return semver.satisfies(hostVersion, widgetRange, { includePrerelease: true });
}

/** Does the widget's SDK range overlap the range the province supports? */
export function rangesIntersect(a: string, b: string): boolean {
  if (!isRange(a) || !isRange(b)) return false;
  return semver.intersects(a, b, { includePrerelease: true });
}

export interface SharedConflict {
  dependency: string;
  /** Who asked for what: `{ '@deqing/find-machinery@1.0.0': '^18.0.0' }`. */
  requested: Record<string, string>;
  provided: string;
}

/**
 * Checks every widget's shared-singleton ranges against the versions the host provides. A singleton
 * can exist once on a page, so any range the host version does not satisfy is a conflict.
 */
export function findSharedConflicts(
  provided: Record<string, string>,
  widgets: readonly { id: string; shared: Record<string, string> }[],
): SharedConflict[] {
  const conflicts = new Map<string, SharedConflict>();
  for (const widget of widgets) {
    for (const [dep, range] of Object.entries(widget.shared)) {
      const version = provided[dep];
      const ok = version !== undefined && semver.satisfies(version, range, { includePrerelease: true });
      if (ok) continue;
      const entry = conflicts.get(dep) ?? {
        dependency: dep,
        requested: {},
        provided: version ?? '(not provided)',
      };
      entry.requested[widget.id] = range;
      conflicts.set(dep, entry);
    }
  }
  return [...conflicts.values()];
}

export function compareVersions(a: string, b: string): number {
  return semver.compare(a, b);
}
