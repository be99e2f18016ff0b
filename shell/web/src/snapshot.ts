/**
 * Reads the portal snapshot the server inlined into index.html (`<script type="application/json"
 * id="cunmen-snapshot">`) and validates it with `portalSnapshotSchema` of @cunmen/manifest — the one
 * schema the server builds it with, written with zod/mini so it costs the first load little. No network:
 * the first paint never waits for a manifest.
 */
import { type PortalSnapshot, portalSnapshotSchema } from '@cunmen/manifest';
import type { ShellErrorCode } from './errors.js';

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
  const parsed = portalSnapshotSchema.safeParse(data);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, code: 'SHELL_ERR_SNAPSHOT_INVALID', detail };
  }
  return { ok: true, snapshot: parsed.data };
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

/** The `<meta>` the shell server puts the pinned province key in (web-routes.ts on the server). */
export const PROVINCE_KEY_META = 'cunmen-province-key';

/**
 * The province key the shell's configuration pinned, as the server wrote it into the page; '' when
 * the page carries none (then every widget is refused). Never `snapshot.publicKey`: a snapshot is
 * data the registry's answers went into, and must not name the key that checks it.
 */
export function readProvinceKey(doc: Document): string {
  const meta = doc.querySelector(`meta[name="${PROVINCE_KEY_META}"]`);
  return meta?.getAttribute('content')?.trim() ?? '';
}
