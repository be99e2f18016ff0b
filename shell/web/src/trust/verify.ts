/**
 * The browser half of the province's trust chain: before a widget is registered with Module Federation
 * its Ed25519 signature over payload v2 (`signaturePayloadV2` of @cunmen/manifest: name, version, kind,
 * title, remote name and entry, assets, granted capabilities and the signed manifest view the snapshot
 * carries) is checked with the province key pinned in the shell's configuration — the page's
 * `<meta name="cunmen-province-key">`, never the snapshot's own `publicKey` — and every placement must
 * be one of the signed contributions. Unsigned and tampered widgets are refused; deprecated ones, and
 * yanked ones the portal pins (the one yank policy, `yankAction` of @cunmen/manifest), load with a
 * warning.
 *
 * tweetnacl, not @noble/ed25519: noble uses BigInt literals, which iOS Safari 13 (WeChat's WKWebView on
 * iOS 13) cannot parse, and no transpiler can lower BigInt. tweetnacl is Float64Array arithmetic (ES5)
 * with its own SHA-512; its fast build verifies in ~7 ms here.
 */
import {
  canonicalJson,
  placementIsSigned,
  type SignedManifest,
  type SnapshotWidget,
  signaturePayloadV2,
  yankAction,
  yankReason,
} from '@cunmen/manifest';
import nacl from 'tweetnacl';
import type { ShellErrorCode } from '../errors.js';

export type TrustVerdict =
  | { ok: true; warning?: { code: ShellErrorCode; detail: string } }
  | { ok: false; code: ShellErrorCode; detail: string };

function decodeBase64(text: string): Uint8Array | null {
  try {
    const binary = atob(text.trim());
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}

/** The raw 32-byte Ed25519 public key from its base64 form, or null when it is not one. */
export function decodePublicKey(base64: string): Uint8Array | null {
  const key = decodeBase64(base64);
  return key && key.length === nacl.sign.publicKeyLength ? key : null;
}

/** The v2 payload of a snapshot widget, or null when it has no signed manifest or a foreign entry. */
export function widgetPayload(widget: SnapshotWidget): string | null {
  if (!widget.manifest || !widget.remote.entry.startsWith(widget.assetBase)) return null;
  return signaturePayloadV2({
    name: widget.name,
    version: widget.version,
    kind: widget.kind,
    title: widget.title,
    remote: { name: widget.remote.name, entry: widget.remote.entry.slice(widget.assetBase.length) },
    assets: widget.assets,
    capabilities: widget.capabilities,
    manifest: widget.manifest as unknown as SignedManifest,
  });
}

/** Whether `widget.signature` is the province's Ed25519 signature of its v2 payload. */
export function verifySignature(widget: SnapshotWidget, publicKey: Uint8Array): boolean {
  const signature = decodeBase64(widget.signature);
  if (!signature || signature.length !== nacl.sign.signatureLength) return false;
  const payload = widgetPayload(widget);
  if (payload === null) return false;
  try {
    return nacl.sign.detached.verify(new TextEncoder().encode(payload), signature, publicKey);
  } catch {
    return false;
  }
}

/**
 * The first placement that is not one of the signed contributions (slot, expose, route, and the title
 * and icon the server copies from it), or null when all are.
 */
function unsignedPlacement(widget: SnapshotWidget): string | null {
  const manifest = widget.manifest as unknown as SignedManifest;
  for (const p of widget.placements) {
    const offered = manifest.contributes.filter((c) =>
      placementIsSigned({ ...manifest, contributes: [c] }, p),
    ) as { title?: unknown; icon?: unknown }[];
    const labelled = offered.some(
      (c) =>
        (p.title === undefined || canonicalJson(c.title ?? widget.title) === canonicalJson(p.title)) &&
        c.icon === p.icon,
    );
    if (!labelled) return `${p.slot} ${p.expose ?? p.route ?? ''}`.trim();
  }
  return null;
}

/** The remote entry must be one of the signed assets, under `assetBase`, with the signed integrity. */
function entryIsSigned(widget: SnapshotWidget): boolean {
  const { entry, entryIntegrity } = widget.remote;
  if (!entry.startsWith(widget.assetBase)) return false;
  const signed = widget.assets[entry.slice(widget.assetBase.length)];
  return signed !== undefined && signed === entryIntegrity;
}

/** Decides whether a widget of the snapshot may be registered and loaded. */
export function checkWidget(widget: SnapshotWidget, publicKey: Uint8Array | null): TrustVerdict {
  if (!widget.signature.trim())
    return { ok: false, code: 'SHELL_ERR_WIDGET_UNSIGNED', detail: 'empty signature' };
  if (!widget.manifest) {
    return {
      ok: false,
      code: 'SHELL_ERR_WIDGET_SIGNATURE',
      detail: 'no signed manifest: the snapshot predates signature v2 (save the portal again)',
    };
  }
  const foreignEntry = {
    ok: false as const,
    code: 'SHELL_ERR_WIDGET_ENTRY' as const,
    detail: `${widget.remote.entry} is not a signed asset`,
  };
  // An entry outside the asset base names no signed path: no payload can even be rebuilt.
  if (!widget.remote.entry.startsWith(widget.assetBase)) return foreignEntry;
  if (!publicKey || !verifySignature(widget, publicKey)) {
    return {
      ok: false,
      code: 'SHELL_ERR_WIDGET_SIGNATURE',
      detail: publicKey
        ? 'the signature does not match the release and its signed manifest'
        : 'no valid pinned province key in the page',
    };
  }
  if (!entryIsSigned(widget)) return foreignEntry;
  const placement = unsignedPlacement(widget);
  if (placement !== null) {
    return {
      ok: false,
      code: 'SHELL_ERR_WIDGET_SIGNATURE',
      detail: `placement ${placement} is not one of the signed contributions`,
    };
  }
  // Only the server puts a widget into a snapshot, so every widget here is one the portal pins.
  const yank = yankAction(widget.yanked, 'pinned');
  if (widget.yanked && yank !== 'serve') {
    const detail = yankReason(widget.yanked);
    if (yank === 'refuse') return { ok: false, code: 'SHELL_ERR_WIDGET_YANKED', detail };
    return { ok: true, warning: { code: 'SHELL_ERR_WIDGET_YANKED', detail } };
  }
  if (widget.deprecated) {
    return { ok: true, warning: { code: 'SHELL_ERR_WIDGET_DEPRECATED', detail: widget.deprecated } };
  }
  return { ok: true };
}

export interface TrustNote {
  widget: SnapshotWidget;
  code: ShellErrorCode;
  detail: string;
}

export interface TrustReport {
  accepted: SnapshotWidget[];
  refused: TrustNote[];
  /** Accepted widgets that load with a warning (deprecated, yanked after adoption). */
  warnings: TrustNote[];
}

/**
 * Splits the snapshot's widgets into those that may load and those refused (with their codes), with
 * the pinned key the page carries (`readProvinceKey` of ../snapshot.ts).
 */
export function checkWidgets(widgets: readonly SnapshotWidget[], publicKeyBase64: string): TrustReport {
  const key = decodePublicKey(publicKeyBase64);
  const report: TrustReport = { accepted: [], refused: [], warnings: [] };
  const names = new Set<string>();
  for (const widget of widgets) {
    // One MF container per global name: a second widget with the same name would silently run the first.
    if (names.has(widget.name) || names.has(`remote:${widget.remote.name}`)) {
      report.refused.push({ widget, code: 'SHELL_ERR_WIDGET_DUPLICATE', detail: widget.remote.name });
      continue;
    }
    names.add(widget.name);
    names.add(`remote:${widget.remote.name}`);
    const verdict = checkWidget(widget, key);
    if (!verdict.ok) report.refused.push({ widget, code: verdict.code, detail: verdict.detail });
    else {
      report.accepted.push(widget);
      if (verdict.warning) report.warnings.push({ widget, ...verdict.warning });
    }
  }
  return report;
}
