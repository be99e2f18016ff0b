/**
 * Subresource integrity for widget code. Every script a remote needs is one of the assets the province
 * signed (`widget.assets`: path → sha384 SRI, under `widget.assetBase`). `createAssetIndex` maps a script
 * URL back to its widget and signed SRI; `integrityPlugin` sets `integrity` and `crossOrigin` on the
 * scripts and links the MF runtime creates (remote entries) and refuses any URL outside the signed
 * set; `installScriptGuard` does the same for every script and stylesheet inserted into the document
 * by any other path (a remote's chunk loader, a widget's own `appendChild`), which never pass through
 * the MF runtime's `createScript`/`createLink` hooks.
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
  return shellWebErrors.error(code, { en: `${code}: ${url}` });
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

const GUARD = Symbol.for('cunmen.scriptGuard');

/** `<script>` types the browser executes: every other type (the snapshot's JSON) is inert data. */
const EXECUTABLE = /^(|module|text\/javascript|application\/javascript|text\/ecmascript)$/i;

/** `<link rel>` values that fetch a script or stylesheet. */
const FETCHING_LINK = /\b(stylesheet|preload|modulepreload|prefetch)\b/i;

/**
 * Guards every way an element enters the document (`appendChild`, `insertBefore`, `replaceChild` on
 * any node — `document.head` for a remote's chunk loader (`__webpack_require__.l`), `document.body`
 * for a widget — and `append`, `prepend`, `before`, `after`, `replaceWith`, `insertAdjacentElement`):
 * a signed script or stylesheet gets its `integrity` + `crossOrigin` before insertion (so a preload
 * with the same attributes is reused); the shell's own files pass; an unsigned cross-origin one, and
 * any executable inline or src-less script, is not inserted and gets an `error` event instead, so a
 * loader fails cleanly and the widget shows its fallback. The page's CSP (`script-src` of the signed
 * paths only) refuses the same in the browser itself, for paths no DOM method sees (`import()`).
 */
export function installScriptGuard(index: AssetIndex, doc: Document = document): () => void {
  const win = doc.defaultView;
  // One guard per window: a later install (a new trust decision) replaces the earlier one.
  const slot = (win ?? globalThis) as unknown as Record<symbol, (() => void) | undefined>;
  slot[GUARD]?.();
  const origin = win?.location.origin ?? '';
  const ScriptElement = win?.HTMLScriptElement ?? HTMLScriptElement;
  const LinkElement = win?.HTMLLinkElement ?? HTMLLinkElement;
  const refuse = (node: Element, what: string): false => {
    reportShellError('SHELL_ERR_SCRIPT_REFUSED', what);
    setTimeout(() => node.dispatchEvent(new Event('error')), 0);
    return false;
  };
  const sign = (node: Element, url: string | null): boolean => {
    if (!url) return true;
    const decision = decideScript(index, url, origin);
    if (decision.action === 'allow') return true;
    if (decision.action === 'refuse') return refuse(node, url);
    node.setAttribute('integrity', decision.asset.integrity);
    node.setAttribute('crossorigin', 'anonymous');
    return true;
  };
  const check = (node: unknown): boolean => {
    if (node instanceof ScriptElement) {
      if (!EXECUTABLE.test(node.type.trim())) return true;
      const src = node.getAttribute('src');
      return src ? sign(node, src) : refuse(node, 'an inline script');
    }
    if (node instanceof LinkElement && FETCHING_LINK.test(node.rel)) {
      return sign(node, node.getAttribute('href'));
    }
    // A fragment or subtree carrying scripts is checked element by element.
    if (node instanceof (win?.Node ?? Node) && (node as ParentNode).querySelectorAll) {
      const inner = (node as ParentNode).querySelectorAll('script, link');
      return [...inner].every((child) => check(child));
    }
    return true;
  };
  const NodeProto = (win?.Node ?? Node).prototype;
  const ElementProto = (win?.Element ?? Element).prototype;
  const savedNode = {
    appendChild: NodeProto.appendChild,
    insertBefore: NodeProto.insertBefore,
    replaceChild: NodeProto.replaceChild,
  };
  const savedElement = {
    append: ElementProto.append,
    prepend: ElementProto.prepend,
    before: ElementProto.before,
    after: ElementProto.after,
    replaceWith: ElementProto.replaceWith,
    insertAdjacentElement: ElementProto.insertAdjacentElement,
  };
  const saved = { ...savedNode, ...savedElement };
  NodeProto.appendChild = function appendChild<T extends Node>(this: Node, node: T): T {
    return check(node) ? (saved.appendChild.call(this, node) as T) : node;
  };
  NodeProto.insertBefore = function insertBefore<T extends Node>(this: Node, node: T, child: Node | null): T {
    return check(node) ? (saved.insertBefore.call(this, node, child) as T) : node;
  };
  NodeProto.replaceChild = function replaceChild<T extends Node>(this: Node, node: Node, child: T): T {
    return check(node) ? (saved.replaceChild.call(this, node, child) as T) : child;
  };
  for (const name of ['append', 'prepend', 'before', 'after', 'replaceWith'] as const) {
    const original = saved[name];
    ElementProto[name] = function guarded(this: Element, ...nodes: (Node | string)[]) {
      original.apply(
        this,
        nodes.filter((n) => typeof n === 'string' || check(n)),
      );
    };
  }
  ElementProto.insertAdjacentElement = function insertAdjacentElement(
    this: Element,
    where: InsertPosition,
    element: Element,
  ): Element | null {
    return check(element) ? saved.insertAdjacentElement.call(this, where, element) : null;
  };
  const restore = () => {
    if (slot[GUARD] === restore) slot[GUARD] = undefined;
    Object.assign(NodeProto, savedNode);
    Object.assign(ElementProto, savedElement);
  };
  slot[GUARD] = restore;
  return restore;
}

/** Removes the window's script guard, if one is installed (tests that boot several pages in one window). */
export function removeScriptGuard(doc: Document = document): void {
  ((doc.defaultView ?? globalThis) as unknown as Record<symbol, (() => void) | undefined>)[GUARD]?.();
}
