/**
 * `/v/<village>/cadre/<page>/<rest>`: which cadre page (a placement's route) and the path below it
 * that the page gets (`/case/7`), from the route's splat.
 */
const PAGE = /^[a-z0-9][a-z0-9-]{0,62}$/;

export type CadrePath = { page: string | null; path: string } | { invalid: true };

export function splitCadrePath(splat: string | undefined): CadrePath {
  const parts = (splat ?? '').split('/').filter((p, i) => p !== '' || i === 0);
  const [first = '', ...rest] = parts;
  if (first === '') return { page: null, path: '/' };
  if (!PAGE.test(first)) return { invalid: true };
  return { page: first, path: `/${rest.join('/')}`.replace(/\/+$/, '') || '/' };
}

/** The console URL of a page of a village's cadre pages, `to` as a widget names it (`/case/7`, `complaints`). */
export function cadreHref(village: string, to: string): string {
  return `/v/${village}/cadre/${to.replace(/^\/+/, '')}`.replace(/\/$/, '');
}
