/**
 * Which cadre pages run in the console's own realm: the province's standard modules (`kind: standard`
 * under the province's `@cunmen` scope, which only the province publishes) and the county widgets the
 * province names in the shell's configuration (`trustedWidgets`). Every other county widget's cadre page
 * runs in the sandboxed cadre frame (CadreFrame.tsx), where it cannot reach the staff session.
 */
import type { PortalSnapshot, SnapshotWidget } from '@cunmen/manifest';

export function runsInConsoleRealm(
  widget: Pick<SnapshotWidget, 'name' | 'kind'>,
  trustedWidgets: readonly string[],
): boolean {
  if (widget.kind === 'standard' && widget.name.startsWith('@cunmen/')) return true;
  return trustedWidgets.includes(widget.name);
}

/** The snapshot as the console's own trust gate sees it: only the widgets that may run in its realm. */
export function consoleRealmSnapshot(
  snapshot: PortalSnapshot,
  trustedWidgets: readonly string[],
): PortalSnapshot {
  return { ...snapshot, widgets: snapshot.widgets.filter((w) => runsInConsoleRealm(w, trustedWidgets)) };
}
