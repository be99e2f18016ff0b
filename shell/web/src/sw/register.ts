/**
 * Registers the service worker after the first paint (`/shell/sw.js`, scope `/v/`). It never breaks the
 * page: no `navigator.serviceWorker` (iOS WeChat's WKWebView, http), a refused registration (no
 * `Service-Worker-Allowed` header, private mode) — the portal simply works online only.
 *
 * On the first visit the page loaded before the worker existed, so when the worker takes control the
 * page tells it what it already fetched (the page, the shell's files, the verified widgets' assets with
 * their SRI) and the worker caches those; everything later goes through the worker anyway.
 */
import { WARM_MESSAGE, type WarmEntry, type WarmMessage } from './policy.js';

export const SW_URL = '/shell/sw.js';
export const SW_SCOPE = '/v/';

export interface RegisterOptions {
  /** The widget asset behind a URL (only verified widgets), with its signed SRI; else null. */
  signed: (url: string) => Promise<string | null>;
  nav?: Navigator;
  win?: Window;
  /** A second warm-up after this long catches loads still in flight at the first, ms. */
  rewarmMs?: number;
}

/** The resource URLs this page fetched that the worker should keep. */
export async function warmEntries(win: Window, signed: RegisterOptions['signed']): Promise<WarmEntry[]> {
  const origin = win.location.origin;
  const names = new Set(
    (win.performance?.getEntriesByType?.('resource') ?? []).map((entry) => entry.name.split('#')[0] ?? ''),
  );
  const out: WarmEntry[] = [];
  for (const url of names) {
    if (url.startsWith(`${origin}/shell/static/`)) out.push({ url });
    else if (!url.startsWith(origin)) {
      const integrity = await signed(url);
      if (integrity) out.push({ url, integrity });
    }
  }
  return out;
}

export function registerServiceWorker(options: RegisterOptions): void {
  const nav = options.nav ?? navigator;
  const win = options.win ?? window;
  const container = nav.serviceWorker;
  if (!container || typeof container.register !== 'function') return;
  const post = async () => {
    const target = container.controller;
    if (!target) return;
    const message: WarmMessage = {
      type: WARM_MESSAGE,
      page: win.location.href,
      urls: await warmEntries(win, options.signed),
    };
    target.postMessage(message);
  };
  const warm = () => {
    post().catch(() => undefined);
    setTimeout(() => post().catch(() => undefined), options.rewarmMs ?? 5000);
  };
  try {
    container.addEventListener('controllerchange', warm);
    container.register(SW_URL, { scope: SW_SCOPE }).catch((error: unknown) => {
      console.info(`[cunmen] service worker not registered (the portal works online only): ${String(error)}`);
    });
  } catch {
    // Some WebViews throw synchronously; the portal works without the worker.
  }
}
