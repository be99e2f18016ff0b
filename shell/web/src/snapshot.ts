/**
 * Reads the portal snapshot the server inlined into index.html (`<script type="application/json"
 * id="cunmen-snapshot">`) and validates it with `portalSnapshotSchema` (its zod/mini twin, see
 * snapshot-schema.ts). No network: the first paint
 * never waits for a manifest.
 */
import type { PortalSnapshot } from '@cunmen/manifest';
import type { ShellErrorCode } from './errors.js';
import { portalSnapshotMiniSchema } from './snapshot-schema.js';

export const SNAPSHOT_ELEMENT_ID = 'cunmen-snapshot';

export type SnapshotResult =
  | { ok: true; snapshot: PortalSnapshot }
  | { ok: false; code: ShellErrorCode; detail: string };

/** Parses and validates snapshot JSON text (the `<` escapes are plain JSON `\u003c`). */
export function parseSnapshot(text: string): SnapshotResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: 'SHELL_ERR_SNAPSHOT_INVALID', detail: `not JSON: ${String(error)}` };
  }
  // An empty signature is an unsigned widget, not a broken snapshot: the schema wants a non-empty
  // string, so it is validated as " " and restored — the trust check then refuses that one widget
  // (SHELL_ERR_WIDGET_UNSIGNED, fallback tile) instead of the whole portal failing.
  const unsigned: { signature: string }[] = [];
  const widgets = (data as { widgets?: unknown } | null)?.widgets;
  if (Array.isArray(widgets)) {
    for (const widget of widgets) {
      if (
        typeof widget === 'object' &&
        widget !== null &&
        (widget as { signature?: unknown }).signature === ''
      ) {
        (widget as { signature: string }).signature = ' ';
        unsigned.push(widget as { signature: string });
      }
    }
  }
  const parsed = portalSnapshotMiniSchema.safeParse(data);
  for (const widget of unsigned) widget.signature = '';
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, code: 'SHELL_ERR_SNAPSHOT_INVALID', detail };
  }
  const snapshot = parsed.data as PortalSnapshot;
  for (const widget of snapshot.widgets) if (widget.signature === ' ') widget.signature = '';
  return { ok: true, snapshot };
}

export function readSnapshot(doc: Document): SnapshotResult {
  const element = doc.getElementById(SNAPSHOT_ELEMENT_ID);
  if (!element?.textContent) {
    return {
      ok: false,
      code: 'SHELL_ERR_SNAPSHOT_MISSING',
      detail: `#${SNAPSHOT_ELEMENT_ID} is missing or empty`,
    };
  }
  return parseSnapshot(element.textContent);
}
