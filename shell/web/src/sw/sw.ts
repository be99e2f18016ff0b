/**
 * The portal's service worker (a classic script — no module workers on Chrome 78 / iOS Safari 13), built
 * to `dist/sw.js`, registered by the page as `/shell/sw.js` with scope `/v/` (the server sends
 * `Service-Worker-Allowed: /v/` for it). It keeps the last good portal usable offline; see policy.ts for
 * what is cached how, and README.md ("Service worker").
 */
import {
  CACHE_PREFIX,
  CACHES,
  isGoodPage,
  isPageAsset,
  matchesIntegrity,
  NETWORK_TIMEOUT_MS,
  PAGE_CACHE,
  pageKey,
  referencedBy,
  SHELL_CACHE,
  strategyFor,
  WARM_MESSAGE,
  type WarmMessage,
  WIDGET_CACHE,
} from './policy.js';

// The worker's own event types (the DOM lib has no webworker types; the two libs cannot be mixed).
interface LifetimeEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvt extends LifetimeEvent {
  request: Request;
  /** The browser's own navigation request, made in parallel (navigation preload), or undefined. */
  preloadResponse?: Promise<Response | undefined>;
  respondWith(response: Promise<Response>): void;
}
interface MessageEvt extends LifetimeEvent {
  data: unknown;
}
interface WorkerScope {
  location: Location;
  clients: { claim(): Promise<void> };
  registration?: { navigationPreload?: { enable(): Promise<void> } };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: LifetimeEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvt) => void): void;
  addEventListener(type: 'message', listener: (event: MessageEvt) => void): void;
}

const worker = self as unknown as WorkerScope;
const origin = worker.location.origin;
const ignore = () => undefined;

worker.addEventListener('install', (event) => event.waitUntil(worker.skipWaiting()));

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith(CACHE_PREFIX) && !CACHES.includes(n)).map((n) => caches.delete(n)),
        ),
      )
      // The browser then makes each navigation itself (Sec-Fetch-Dest: document), so the server still
      // sees a navigation and sets the page load's credential ticket; a fetch() the worker forwards
      // would be `empty` (w3c/ServiceWorker#1803).
      .then(() => worker.registration?.navigationPreload?.enable())
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const strategy = strategyFor(request, origin);
  if (strategy === 'page') event.respondWith(networkFirst(event, pageKey(request.url) ?? request.url));
  else if (strategy === 'shell') event.respondWith(cacheFirst(event, SHELL_CACHE, request));
  else if (strategy === 'widget')
    event.respondWith(cacheFirst(event, WIDGET_CACHE, request, request.integrity));
  // Anything else (the host API above all) is not touched: the browser fetches it as without a worker.
});

worker.addEventListener('message', (event) => {
  const data = event.data as Partial<WarmMessage> | null;
  if (data?.type === WARM_MESSAGE && typeof data.page === 'string')
    event.waitUntil(warm(data as WarmMessage));
});

/** Portal pages: the network's answer (and keep it when it is a good portal), else the last good one. */
async function networkFirst(event: LifetimeEvent, key: string): Promise<Response> {
  const { request, preloadResponse } = event as FetchEvt;
  const preloaded = preloadResponse ? preloadResponse.catch(ignore) : Promise.resolve(undefined);
  const network = preloaded
    .then((preload) => preload ?? fetch(request))
    .then((response) => {
      event.waitUntil(keepPage(key, response.clone()).catch(ignore));
      return response;
    });
  network.catch(ignore);
  const cached = () => caches.open(PAGE_CACHE).then((cache) => cache.match(key));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slow = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), NETWORK_TIMEOUT_MS);
  });
  try {
    const first = await Promise.race([network, slow]);
    if (first && first.status < 500) return first;
    // A 5xx or a slow network: the last good copy if there is one (a late answer still updates it).
    return (await cached()) ?? first ?? (await network);
  } catch {
    return (await cached()) ?? Response.error();
  } finally {
    clearTimeout(timer);
  }
}

async function keepPage(key: string, response: Response): Promise<void> {
  const html = await response.clone().text();
  if (!isGoodPage(response.status, response.headers.get('content-type'), html)) return;
  const cache = await caches.open(PAGE_CACHE);
  const previous = await cache.match(key);
  await cache.put(key, response);
  if (!previous || (await previous.text()) !== html) await prune();
}

/** After a page changed: drop the shell entry files and widget assets no cached page refers to. */
async function prune(): Promise<void> {
  const pages = await caches.open(PAGE_CACHE);
  const html = await Promise.all(
    (await pages.keys()).map((key) => pages.match(key).then((r) => (r ? r.text() : ''))),
  );
  const { shell, assetBases } = referencedBy(html);
  const shellCache = await caches.open(SHELL_CACHE);
  for (const key of await shellCache.keys()) {
    const path = new URL(key.url).pathname;
    if (isPageAsset(path) && !shell.has(path)) await shellCache.delete(key);
  }
  const widgets = await caches.open(WIDGET_CACHE);
  for (const key of await widgets.keys()) {
    if (!assetBases.some((base) => key.url.startsWith(base))) await widgets.delete(key);
  }
}

/**
 * Immutable files: the cached copy (a widget asset only while its bytes still match the signed SRI),
 * else the network's, kept when it is a 200, not opaque (widget assets are CORS) and matches its SRI.
 */
async function cacheFirst(
  event: LifetimeEvent,
  name: string,
  request: Request,
  integrity?: string,
): Promise<Response> {
  const cache = await caches.open(name);
  const hit = await cache.match(request.url, { ignoreVary: true });
  if (hit && (!integrity || (await matchesIntegrity(await hit.clone().arrayBuffer(), integrity)))) return hit;
  // Fetched without the SRI so the page sees exactly what it would without a worker (a 404 stays a 404,
  // a mismatch fails the page's own check); kept only when the bytes match the signed SRI.
  const response = await fetch(integrity ? new Request(request, { integrity: '' }) : request);
  if (response.status === 200 && response.type !== 'opaque') {
    const copy = response.clone();
    event.waitUntil(
      (async () => {
        if (!integrity || (await matchesIntegrity(await copy.clone().arrayBuffer(), integrity)))
          await cache.put(request.url, copy);
      })().catch(ignore),
    );
  }
  return response;
}

/** What the page loaded before this worker controlled it: the page, the shell files, widget assets. */
async function warm(message: WarmMessage): Promise<void> {
  const key = pageKey(message.page);
  if (key && new URL(key).origin === origin) {
    const pages = await caches.open(PAGE_CACHE);
    if (!(await pages.match(key))) {
      const response = await fetch(message.page, { credentials: 'same-origin' }).catch(ignore);
      if (response) await keepPage(key, response).catch(ignore);
    }
  }
  const shell = await caches.open(SHELL_CACHE);
  const widgets = await caches.open(WIDGET_CACHE);
  await Promise.all(
    (Array.isArray(message.urls) ? message.urls : []).map(async ({ url, integrity }) => {
      const kind = strategyFor(
        { url, method: 'GET', mode: integrity ? 'cors' : 'no-cors', integrity: integrity ?? '' },
        origin,
      );
      const cache = kind === 'shell' ? shell : kind === 'widget' ? widgets : null;
      if (!cache || (await cache.match(url, { ignoreVary: true }))) return;
      const init: RequestInit =
        kind === 'widget' ? { mode: 'cors', credentials: 'omit', integrity } : { credentials: 'same-origin' };
      const response = await fetch(url, init).catch(ignore);
      if (response?.status === 200 && response.type !== 'opaque')
        await cache.put(url, response).catch(ignore);
    }),
  );
}
