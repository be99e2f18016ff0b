/**
 * The catalog screen's state lives in its URL (`/catalog?q=垃圾&category=environment&page=2`), so a
 * search can be bookmarked, shared in a WeChat group and restored by the back button. These helpers
 * read that state (dropping anything the API would refuse), write it back, and turn it into the
 * console API's query.
 */
import { CATEGORIES, type Category } from '@cunmen/manifest';
import type { CatalogEntry } from './types.js';

export const SORTS = ['reuse', 'recent', 'name'] as const;
export const KINDS = ['widget', 'standard'] as const;
export const PAGE_SIZE = 12;
const MAX_QUERY = 200;

export interface CatalogSearch {
  q?: string;
  category?: Category;
  county?: string;
  kind?: (typeof KINDS)[number];
  sort?: (typeof SORTS)[number];
  page?: number;
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : undefined;

/** The route's search params, each kept only when valid (a bad bookmark still opens the catalog). */
export function parseCatalogSearch(raw: Record<string, unknown>): CatalogSearch {
  const out: CatalogSearch = {};
  const q = typeof raw.q === 'string' || typeof raw.q === 'number' ? String(raw.q).trim() : '';
  if (q !== '') out.q = q.slice(0, MAX_QUERY);
  const category = oneOf(CATEGORIES, raw.category);
  if (category) out.category = category;
  const county = typeof raw.county === 'number' ? String(raw.county) : raw.county;
  if (typeof county === 'string' && /^\d{6}$/.test(county)) out.county = county;
  const kind = oneOf(KINDS, raw.kind);
  if (kind) out.kind = kind;
  const sort = oneOf(SORTS, raw.sort);
  if (sort && sort !== 'reuse') out.sort = sort;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1 && page <= 10_000) out.page = page;
  return out;
}

/** A new search from the current one: any change of what is searched goes back to page 1. */
export function refine(current: CatalogSearch, change: Partial<Record<keyof CatalogSearch, unknown>>) {
  const merged: Record<string, unknown> = { ...current, ...change };
  if (!('page' in change)) delete merged.page;
  return parseCatalogSearch(merged);
}

/** The console API URL for one page of results. */
export function catalogApiPath(search: CatalogSearch, pageSize = PAGE_SIZE): string {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.category) params.set('category', search.category);
  if (search.county) params.set('county', search.county);
  if (search.kind) params.set('kind', search.kind);
  if (search.sort) params.set('sort', search.sort);
  params.set('page', String(search.page ?? 1));
  params.set('pageSize', String(pageSize));
  return `/api/console/v1/catalog?${params}`;
}

/** The counties the entries come from, for the county filter: by name, each once. */
export function countiesOf(entries: readonly CatalogEntry[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const e of entries) if (e.county && !seen.has(e.county)) seen.set(e.county, e.countyName ?? e.county);
  return [...seen]
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || a.code.localeCompare(b.code));
}

/** Bytes as the KB a cadre reads: one decimal below 10 KB, whole above. */
export function formatKb(bytes: number): string {
  const kb = bytes / 1024;
  return kb < 10 ? kb.toFixed(1) : String(Math.round(kb));
}

/** `2025-05-06T09:30:00Z` → `2025-05-06` (China time). */
export function formatDay(iso: string | null): string {
  if (!iso) return '';
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 10);
}
