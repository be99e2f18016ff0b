/**
 * What the service worker does with a request, as pure functions (unit-tested; `sw.ts` imports them).
 *
 * - `page`: a navigation to a portal `/v/<12-digit code>/…` — network first, the last good copy when
 *   offline, on a 5xx or after {@link NETWORK_TIMEOUT_MS}; one cached copy per village (every path below
 *   `/v/<code>/` is the same index.html, the client router does the rest).
 * - `shell`: the shell's content-hashed files under `/shell/static/` — cache first.
 * - `widget`: a cross-origin CORS request with `integrity` (a signed widget asset, loaded with
 *   `crossorigin="anonymous"`) — cache first, keyed by URL, only CORS responses that passed SRI.
 * - `null`: everything else, `/api/` above all, goes to the network untouched.
 */

/** Bump to drop every cache of the previous version on activation. */
export const CACHE_VERSION = 'v1';
export const CACHE_PREFIX = 'cunmen-';
export const PAGE_CACHE = `${CACHE_PREFIX}pages-${CACHE_VERSION}`;
export const SHELL_CACHE = `${CACHE_PREFIX}shell-${CACHE_VERSION}`;
export const WIDGET_CACHE = `${CACHE_PREFIX}widgets-${CACHE_VERSION}`;
export const CACHES = [PAGE_CACHE, SHELL_CACHE, WIDGET_CACHE];

/** A portal navigation waits this long for the network before the cached copy is shown, ms. */
export const NETWORK_TIMEOUT_MS = 5000;

/** The message the page posts to have what it loaded before the worker took control cached. */
export const WARM_MESSAGE = 'cunmen:warm';

export interface WarmEntry {
  url: string;
  /** Signed SRI of a widget asset; absent for the shell's own files. */
  integrity?: string;
}

export interface WarmMessage {
  type: typeof WARM_MESSAGE;
  /** The portal page (`location.href`). */
  page: string;
  urls: WarmEntry[];
}

export type Strategy = 'page' | 'shell' | 'widget' | null;

export interface RequestLike {
  url: string;
  method: string;
  mode: string;
  integrity?: string;
}

const PORTAL = /^\/v\/(\d{12})(?:\/|$)/;

/** The cache key of a portal page: `<origin>/v/<code>/` for any path below it, or null. */
export function pageKey(url: string): string | null {
  const parsed = new URL(url);
  const match = PORTAL.exec(parsed.pathname);
  return match ? `${parsed.origin}/v/${match[1]}/` : null;
}

export function strategyFor(request: RequestLike, origin: string): Strategy {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  const same = url.origin === origin;
  if (same && url.pathname.startsWith('/api/')) return null;
  if (request.mode === 'navigate') return same && pageKey(request.url) ? 'page' : null;
  if (same) return url.pathname.startsWith('/shell/static/') ? 'shell' : null;
  return request.mode === 'cors' && request.integrity ? 'widget' : null;
}

/** Whether a fetched page is a portal worth keeping: a 200 HTML page with the inlined snapshot. */
export function isGoodPage(status: number, contentType: string | null, html: string): boolean {
  return status === 200 && /text\/html/.test(contentType ?? '') && html.includes('id="cunmen-snapshot"');
}

/**
 * What the cached pages still use: their `/shell/static/` files and their widgets' `assetBase`s. The
 * worker deletes the other shell JS/CSS and widget assets after a page changed.
 */
export function referencedBy(pages: readonly string[]): { shell: Set<string>; assetBases: string[] } {
  const shell = new Set<string>();
  const assetBases = new Set<string>();
  for (const html of pages) {
    for (const m of html.matchAll(/["'](\/shell\/static\/[^"'?#]+)/g)) if (m[1]) shell.add(m[1]);
    for (const m of html.matchAll(/"assetBase":"([^"]+)"/g)) if (m[1]) assetBases.add(m[1]);
  }
  return { shell, assetBases: [...assetBases] };
}

/** Shell files that only a page references (entry JS/CSS, not lazy chunks or CSS-referenced assets). */
export function isPageAsset(pathname: string): boolean {
  return /^\/shell\/static\/(?:js|css)\/[^/]+\.(?:js|css)$/.test(pathname);
}

/** Whether `bytes` match one of the `sha256|384|512-<base64>` tokens of an SRI string. */
export async function matchesIntegrity(
  bytes: ArrayBuffer,
  integrity: string,
  subtle: SubtleCrypto = crypto.subtle,
): Promise<boolean> {
  for (const token of integrity.trim().split(/\s+/)) {
    const m = /^sha(256|384|512)-([A-Za-z0-9+/]+={0,2})/.exec(token);
    if (!m) continue;
    const digest = new Uint8Array(await subtle.digest(`SHA-${m[1]}`, bytes));
    let binary = '';
    for (let i = 0; i < digest.length; i++) binary += String.fromCharCode(digest[i] as number);
    if (btoa(binary) === m[2]) return true;
  }
  return false;
}
