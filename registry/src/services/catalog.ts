/**
 * The catalog: what counties browse to find a widget to reuse, npm's `/-/v1/search`, and the reuse
 * statistics that portal assemblies feed. Only approved versions exist here; a pending version is
 * invisible until a reviewer approves it, a yanked one is shown (flagged) but never offered as current.
 */
import { isRange, rangesIntersect, sdkSatisfies } from '@cunmen/manifest';
import { regError } from '../errors.js';
import type {
  CatalogEntry,
  CatalogText,
  CatalogVersion,
  PackageKind,
  Reuse,
  Storage,
} from '../storage/types.js';
import type { CatalogQuery, NpmSearchQuery } from './catalog-schemas.js';

export type Badge = 'compatible' | 'incompatible' | 'unknown';

export interface Compatibility {
  sdk: string | null;
  against: string;
  badge: Badge;
}

/**
 * A version's SDK badge. With a host SDK version: does the version's range accept it. Without one:
 * does the range overlap the SDK range the province supports. `unknown` when there is no range (a
 * library) or it is not a valid range.
 */
export function compatibility(
  range: string | null,
  hostSdk: string | undefined,
  supported: string,
): Compatibility {
  const against = hostSdk ?? supported;
  if (range === null || !isRange(range)) return { sdk: range, against, badge: 'unknown' };
  const ok = hostSdk !== undefined ? sdkSatisfies(range, hostSdk) : rangesIntersect(range, supported);
  return { sdk: range, against, badge: ok ? 'compatible' : 'incompatible' };
}

/** Query text → distinct words (whitespace-separated). */
export function splitWords(text: string | undefined): string[] {
  return [...new Set((text ?? '').split(/\s+/u).filter((w) => w.length > 0))];
}

const CATALOG_KINDS: PackageKind[] = ['widget', 'standard'];

export interface CatalogItem extends CatalogEntry {
  compatible?: boolean | null;
}

export interface CatalogPage {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  items: CatalogItem[];
}

export async function listCatalog(storage: Storage, query: CatalogQuery): Promise<CatalogPage> {
  const search = {
    words: splitWords(query.q),
    category: query.category,
    county: query.county,
    kinds: query.kind ? [query.kind] : CATALOG_KINDS,
    sort: query.sort,
  };
  const sdk = query.sdk;
  // Without an SDK filter the database counts and pages; with one, every match is judged here first.
  let items: CatalogItem[] | null = null;
  let total: number;
  if (sdk === undefined) {
    total = await storage.catalog.count(search);
  } else {
    items = (await storage.catalog.search(search)).map((e) => ({
      ...e,
      compatible: e.sdk !== null && isRange(e.sdk) ? sdkSatisfies(e.sdk, sdk) : null,
    }));
    if (query.includeIncompatible !== 'true') items = items.filter((i) => i.compatible === true);
    total = items.length;
  }
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  if (query.page > pages) {
    throw regError(
      'REG_ERR_BAD_REQUEST',
      `page: ${query.page} is out of range; expected 1 to ${pages} (${total} result(s), ${query.pageSize} per page)`,
      { field: 'page' },
    );
  }
  const start = (query.page - 1) * query.pageSize;
  return {
    total,
    page: query.page,
    pageSize: query.pageSize,
    pages,
    items:
      items?.slice(start, start + query.pageSize) ??
      (await storage.catalog.search({ ...search, offset: start, limit: query.pageSize })),
  };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function text(value: unknown, fallback: string): CatalogText {
  const r = record(value);
  const zh = typeof r['zh-CN'] === 'string' ? r['zh-CN'] : fallback;
  return typeof r.en === 'string' ? { 'zh-CN': zh, en: r.en } : { 'zh-CN': zh };
}

function intOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) ? value : null;
}

function versionDescription(v: CatalogVersion): CatalogText {
  const pj = typeof v.packageJson.description === 'string' ? v.packageJson.description : '';
  return v.manifest ? text(v.manifest.description, pj) : { 'zh-CN': pj };
}

/** A screenshot's URL when the build shipped it among the version's assets (paths relative to dist/). */
function screenshots(assetUrl: string, v: CatalogVersion): { path: string; url: string | null }[] {
  const assets = new Set(
    (Array.isArray(v.manifest?.assets) ? v.manifest.assets : [])
      .map((a) => record(a).path)
      .filter((p) => typeof p === 'string'),
  );
  return strings(v.manifest?.screenshots).map((path) => {
    const inDist = path.startsWith('dist/') ? path.slice('dist/'.length) : path;
    return { path, url: assets.has(inDist) ? `${assetUrl}/-/assets/${v.blobSha256}/${inDist}` : null };
  });
}

export async function catalogDetail(
  storage: Storage,
  /** The asset origin (or the registry's URL): screenshots are assets. */
  assetUrl: string,
  supportedSdk: string,
  name: string,
  hostSdk: string | undefined,
) {
  const data = await storage.catalog.detail(name);
  if (!data) throw regError('REG_ERR_NOT_FOUND', `package ${name} not found in the catalog`);
  const usage = new Map(data.usage.map((u) => [u.version, { villages: u.villages, counties: u.counties }]));
  const versions = data.versions.map((v) => {
    const m = v.manifest;
    const size = record(m?.size);
    const sdk = typeof m?.sdk === 'string' ? m.sdk : null;
    return {
      version: v.version,
      latest: v.version === data.current,
      publishedAt: v.publishedAt,
      reviewedAt: v.reviewedAt,
      description: versionDescription(v),
      changelog: typeof v.packageJson.changelog === 'string' ? v.packageJson.changelog : null,
      screenshots: screenshots(assetUrl, v),
      capabilities: { requested: strings(m?.capabilities), granted: v.grantedCapabilities },
      size: {
        jsGzip: intOrNull(size.jsGzip),
        totalGzip: intOrNull(size.totalGzip),
        total: intOrNull(size.total),
        home: intOrNull(size.home),
        tarball: v.tarballSize,
        unpacked: v.unpackedSize,
      },
      compatibility: compatibility(sdk, hostSdk, supportedSdk),
      deprecated: v.deprecated,
      yanked: v.yankedAt !== null,
      yankedAt: v.yankedAt,
      yankReason: v.yankReason,
      reuse: usage.get(v.version) ?? { villages: 0, counties: 0 },
    };
  });
  // `versions` is never empty (detail() is null without an approved version).
  const headIndex = Math.max(
    0,
    data.versions.findIndex((v) => v.version === data.current),
  );
  const head = data.versions[headIndex] as CatalogVersion;
  const m = head.manifest;
  const reuse: Reuse = await storage.catalog.reuse(name);
  return {
    name: data.name,
    kind: head.kind,
    standard: data.standard,
    title: m ? text(m.title, name) : { 'zh-CN': name },
    description: versionDescription(head),
    category: typeof m?.category === 'string' ? m.category : null,
    county: typeof m?.county === 'string' ? m.county : null,
    keywords: strings(head.packageJson.keywords),
    latest: data.current,
    distTags: data.distTags,
    compatibility: (versions[headIndex] as (typeof versions)[number]).compatibility,
    reuse,
    versions,
  };
}

/** `scope:deqing` / `scope:@deqing` → `@deqing/`; other `key:value` qualifiers of npm are ignored. */
function parseNpmText(raw: string): { words: string[]; namePrefix?: string } {
  const words: string[] = [];
  let namePrefix: string | undefined;
  for (const token of splitWords(raw)) {
    const m = /^([a-z-]+):(.*)$/i.exec(token);
    if (!m) {
      words.push(token);
      continue;
    }
    const [, key = '', value = ''] = m;
    if (key.toLowerCase() === 'scope' && value !== '') namePrefix = `@${value.replace(/^@/, '')}/`;
    else if (!['keywords', 'author', 'maintainer', 'not', 'is', 'boost-exact'].includes(key.toLowerCase())) {
      words.push(token);
    }
  }
  return { words, namePrefix };
}

const round = (n: number) => Math.round(n * 10_000) / 10_000;

/**
 * npm's search: every approved package of every kind (libraries included), scored by reuse. The
 * scores are the registry's own: quality 1 (every result passed review), popularity
 * villages / (villages + 10) (0 unused, 0.5 at 10 villages, towards 1), maintenance 0 when deprecated,
 * final their mean; `searchScore` adds 1 for an exact name match. Sorted by `searchScore`, then name.
 */
export async function npmSearch(storage: Storage, publicUrl: string, query: NpmSearchQuery) {
  const { words, namePrefix } = parseNpmText(query.text);
  const entries = await storage.catalog.search({ words, namePrefix, sort: 'name' });
  const wanted = query.text.trim().toLowerCase();
  const scored = entries.map((e) => {
    const quality = 1;
    const popularity = e.reuse.villages / (e.reuse.villages + 10);
    const maintenance = e.deprecated === null ? 1 : 0;
    const final = round((quality + popularity + maintenance) / 3);
    const exact = e.name.toLowerCase() === wanted || e.name.toLowerCase().endsWith(`/${wanted}`);
    return {
      entry: e,
      final,
      detail: { quality, popularity: round(popularity), maintenance },
      searchScore: round(final + (exact ? 1 : 0)),
    };
  });
  scored.sort((a, b) => b.searchScore - a.searchScore || (a.entry.name < b.entry.name ? -1 : 1));
  const page = scored.slice(query.from, query.from + query.size);
  return {
    objects: page.map(({ entry: e, final, detail, searchScore }) => {
      const title = e.title['zh-CN'];
      const description =
        e.kind === 'library'
          ? e.description['zh-CN']
          : [title, e.description['zh-CN']].filter(Boolean).join(' — ');
      const people = e.publisher ? [{ username: e.publisher }] : [];
      return {
        package: {
          name: e.name,
          scope: /^@([^/]+)\//.exec(e.name)?.[1] ?? 'unscoped',
          version: e.version,
          description,
          keywords: e.keywords,
          date: e.publishedAt,
          links: { catalog: `${publicUrl}/-/cunmen/v1/catalog/${e.name}` },
          publisher: people[0] ?? { username: '' },
          maintainers: people,
        },
        score: { final, detail },
        searchScore,
      };
    }),
    total: scored.length,
    time: new Date().toISOString(),
  };
}
