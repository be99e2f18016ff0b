/**
 * Subresource integrity for widget code. Every script a remote needs is one of the assets the province
 * signed (`widget.assets`: path → sha384 SRI, under `widget.assetBase`). `createAssetIndex` maps a script
 * URL back to its widget and signed SRI; `integrityPlugin` sets `integrity` and `crossOrigin` on the
 * scripts the MF runtime creates (remote entries) and refuses any URL outside the signed set;
 * `installScriptGuard` does the same for the chunk scripts a remote's own bundler runtime appends to
 * `<head>` (those never pass through the MF runtime's `createScript` hook).
 */
import type { CunmenError } from '@cunmen/errors';
import type { SnapshotWidget } from '@cunmen/manifest';
import type { ModuleFederationRuntimePlugin } from '@module-federation/runtime';
import { reportShellError, shellWebErrors } from '../errors.js';

export interface SignedAsset {
  widget: string;
  path: string;
  integrity: string;
  url: string;
}

export interface AssetIndex {
  /** The signed asset behind `url` (absolute or relative to the page), or null. */
  lookup(url: string, base?: string): SignedAsset | null;
  /** Every signed asset of one widget. */
  assetsOf(widget: string): SignedAsset[];
}

function normalize(url: string, base?: string): string | null {
  try {
    const parsed = new URL(url, base ?? globalThis.location?.href);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return null;
  }
}

/** Indexes the signed assets of the widgets that passed the signature check. */
export function createAssetIndex(widgets: readonly SnapshotWidget[]): AssetIndex {
  const byUrl = new Map<string, SignedAsset>();
  const byWidget = new Map<string, SignedAsset[]>();
  for (const widget of widgets) {
    const list: SignedAsset[] = [];
    for (const [path, integrity] of Object.entries(widget.assets)) {
      const url = normalize(path, widget.assetBase);
      // An asset path that climbs out of assetBase is never served from it.
      if (!url?.startsWith(widget.assetBase)) continue;
      const asset = { widget: widget.name, path, integrity, url };
      byUrl.set(url, asset);
      list.push(asset);
    }
    byWidget.set(widget.name, list);
  }
  return {
    lookup(url, base) {
      const key = normalize(url, base);
      return key === null ? null : (byUrl.get(key) ?? null);
    },
    assetsOf: (widget) => byWidget.get(widget) ?? [],
  };
}

/**
 * The coded error (`SHELL_ERR_SCRIPT_REFUSED`, logged first) for a script outside the signed asset set,
 * thrown before any request and so surfaced as a load error. The MF runtime rethrows it under its own
 * code with this message inside, so the message names the code too.
 */
export function refuseScript(url: string): CunmenError {
  const code = 'SHELL_ERR_SCRIPT_REFUSED';
  reportShellError(code, url);
  return shellWebErrors.error(code, { en: `${code}: ${url} is not a signed widget asset` });
}

export interface IntegrityPluginOptions {
  /** Per-script load timeout handed to the MF runtime, ms (default 8000). */
  timeoutMs?: number;
  doc?: Document;
}

/**
 * MF runtime plugin: every script the runtime creates for a remote gets the signed SRI and
 * `crossOrigin = 'anonymous'`; an unsigned URL throws before any request is made.
 */
export function integrityPlugin(
  index: AssetIndex,
  options: IntegrityPluginOptions = {},
): ModuleFederationRuntimePlugin {
  const timeout = options.timeoutMs ?? 8000;
  return {
    name: 'cunmen-integrity',
    createScript({ url }) {
      const asset = index.lookup(url);
      if (!asset) throw refuseScript(url);
      const doc = options.doc ?? document;
      const script = doc.createElement('script');
      script.src = asset.url;
      script.integrity = asset.integrity;
      script.crossOrigin = 'anonymous';
      return { script, timeout };
    },
    createLink({ url, attrs }) {
      const asset = index.lookup(url);
      if (!asset) throw refuseScript(url);
      const doc = options.doc ?? document;
      const link = doc.createElement('link');
      for (const [name, value] of Object.entries(attrs ?? {})) link.setAttribute(name, String(value));
      link.href = asset.url;
      link.setAttribute('integrity', asset.integrity);
      link.setAttribute('crossorigin', 'anonymous');
      return link;
    },
  };
}

/** What the guard decides for a script about to be inserted. */
export type ScriptDecision =
  | { action: 'allow' }
  | { action: 'sign'; asset: SignedAsset }
  | { action: 'refuse' };

/**
 * The shell's own scripts (same origin) pass; a cross-origin script passes only as a signed asset, which
 * then carries its SRI; anything else is refused.
 */
export function decideScript(index: AssetIndex, src: string, pageOrigin: string): ScriptDecision {
  const asset = index.lookup(src);
  if (asset) return { action: 'sign', asset };
  try {
    if (new URL(src, globalThis.location?.href).origin === pageOrigin) return { action: 'allow' };
  } catch {
    // An unparsable URL is refused below.
  }
  return { action: 'refuse' };
}

/**
 * Guards `<head>`: a remote's chunk loader (`__webpack_require__.l`) creates `<script src>` and appends
 * it to `document.head`. Signed chunks get `integrity` + `crossOrigin` before insertion (so a preload
 * with the same attributes is reused); unsigned cross-origin scripts are not inserted and get an
 * `error` event instead, so the loader fails cleanly and the widget shows its fallback.
 */
export function installScriptGuard(index: AssetIndex, doc: Document = document): () => void {
  const head = doc.head;
  const origin = doc.defaultView?.location.origin ?? '';
  const originalAppend = head.appendChild;
  const originalInsert = head.insertBefore;
  const check = (node: Node): boolean => {
    if (!(node instanceof (doc.defaultView?.HTMLScriptElement ?? HTMLScriptElement))) return true;
    const src = node.getAttribute('src');
    if (!src) return true;
    const decision = decideScript(index, src, origin);
    if (decision.action === 'sign') {
      node.integrity = decision.asset.integrity;
      node.crossOrigin = 'anonymous';
      return true;
    }
    if (decision.action === 'allow') return true;
    reportShellError('SHELL_ERR_SCRIPT_REFUSED', src);
    setTimeout(() => node.dispatchEvent(new Event('error')), 0);
    return false;
  };
  head.appendChild = function appendChild<T extends Node>(this: HTMLHeadElement, node: T): T {
    return check(node) ? (originalAppend.call(this, node) as T) : node;
  };
  head.insertBefore = function insertBefore<T extends Node>(
    this: HTMLHeadElement,
    node: T,
    child: Node | null,
  ): T {
    return check(node) ? (originalInsert.call(this, node, child) as T) : node;
  };
  return () => {
    head.appendChild = originalAppend;
    head.insertBefore = originalInsert;
  };
}
