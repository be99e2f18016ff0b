/**
 * A ~50-line history router (react-router would add ~20 KB gzip for two kinds of route). The portal
 * lives at `/v/<12-digit village code>/`: `/` is home, `/p/<route>[/rest]` a widget page and `/signin`
 * the sign-in page. (The cadre console is the staff console's, on its own origin; the shell server
 * redirects `/cadre` there.)
 */
import { type MouseEvent, useSyncExternalStore } from 'react';

export type Route =
  | { kind: 'home' }
  | { kind: 'page'; route: string; path: string }
  | { kind: 'signin' }
  | { kind: 'unknown'; path: string };

export const PORTAL_BASE = /^\/v\/(\d{12})(?=\/|$)/;

/** `/v/330521001001` for a page under it, or null. */
export function portalBase(pathname: string): string | null {
  const match = PORTAL_BASE.exec(pathname);
  return match ? match[0] : null;
}

export function parseRoute(pathname: string, base: string): Route {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const path = rest === '' ? '/' : rest;
  if (path === '/') return { kind: 'home' };
  const page = /^\/p\/([a-z0-9][a-z0-9-]{0,62})(\/.*)?$/.exec(path);
  if (page?.[1]) return { kind: 'page', route: page[1], path: page[2] || '/' };
  if (path === '/signin') return { kind: 'signin' };
  return { kind: 'unknown', path };
}

/** The URL of a portal-relative target: `/` → home, `/find-machinery[/x]` → `/p/find-machinery[/x]`. */
export function hrefFor(base: string, to: string): string {
  const clean = `/${to.replace(/^\/+/, '')}`;
  return clean === '/' ? `${base}/` : `${base}/p${clean}`;
}

const listeners = new Set<() => void>();
function notify() {
  for (const listener of Array.from(listeners)) listener();
}
function subscribe(listener: () => void) {
  if (listeners.size === 0) window.addEventListener('popstate', notify);
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notify);
  };
}

/** Pushes `href` (the current `?lang=` and other query kept) and re-renders. */
export function navigateTo(href: string): void {
  const target = href + window.location.search;
  if (target === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', target);
  window.scrollTo?.(0, 0);
  notify();
}

export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => '/',
  );
}

/** A link's click handler that navigates in place (a plain click only; new-tab clicks stay native). */
export function linkHandler(href: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigateTo(href);
  };
}
