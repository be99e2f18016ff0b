/**
 * The console's view of the registry's catalog API (`/-/cunmen/v1/catalog`): it asks with this shell's
 * SDK version (so each entry carries its SDK verdict) and adds what only the shell knows — the county's
 * name from its division tree and the shared-singleton ranges of each version from its signed release,
 * which the console checks against the copies this shell provides. Releases are immutable, so their
 * ranges are kept once read. A `q` of pinyin is matched here (pinyin.ts) over the whole catalog.
 */
import { releaseDocumentSchema } from '@cunmen/manifest';
import { shellError } from '../errors.js';
import { HOST_SDK } from '../portals/host.js';
import type { RegistryClient } from '../portals/registry-client.js';
import { isPinyinQuery, matchesPinyin, type Searchable } from './pinyin.js';

/** One catalog entry as the registry lists it (fields the shell reads; the rest passes through). */
interface RegistryItem extends Searchable {
  version: string;
  county: string | null;
}

interface RegistryPage<T> {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  items: T[];
}

interface RegistryDetail extends Searchable {
  county: string | null;
  latest: string | null;
  versions: { version: string }[];
}

/** Shared-singleton ranges of a version, or null when its release could not be read. */
export type SharedRanges = Record<string, string> | null;

export interface CatalogQuery {
  q?: string;
  category?: string;
  county?: string;
  kind?: string;
  sort?: string;
  page: number;
  pageSize: number;
}

export interface CatalogClientOptions {
  registry: Pick<RegistryClient, 'url' | 'release'>;
  /** The county's (or province's) name for a division code, when the shell knows it. */
  divisionName(code: string): Promise<string | null>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The most catalog pages a pinyin search reads (100 entries each). */
const PINYIN_MAX_PAGES = 20;
/** How many versions of one package get their shared ranges read for the detail page. */
const DETAIL_VERSIONS = 10;

export class CatalogClient {
  private readonly shared = new Map<string, Promise<SharedRanges>>();
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: CatalogClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
  }

  private async get<T>(path: string, params: URLSearchParams): Promise<T> {
    const url = `${this.options.registry.url}/-/cunmen/v1/${path}?${params}`;
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
    } catch {
      throw shellError('SHELL_ERR_REGISTRY_UNAVAILABLE', `the registry's catalog at ${url} is unreachable`, {
        zh: '组件仓库暂时无法连接，请稍后重试',
      });
    }
    const body = (await res.json().catch(() => null)) as
      | (T & { code?: string; error?: string; message?: string; field?: string })
      | null;
    if (res.ok && body) return body;
    if (res.status === 404) {
      throw shellError('SHELL_ERR_NOT_IN_CATALOG', body?.error ?? `${path} is not in the catalog`);
    }
    if (res.status === 400 && body?.error) {
      // The registry's own check of a query parameter: the same field and texts.
      throw shellError('SHELL_ERR_BAD_REQUEST', body.error, {
        ...(body.message ? { zh: body.message } : {}),
        ...(body.field ? { field: body.field } : {}),
      });
    }
    throw shellError('SHELL_ERR_REGISTRY_UNAVAILABLE', `the registry's catalog answered ${res.status}`, {
      zh: `组件仓库返回 ${res.status}，请稍后重试`,
    });
  }

  /** The shared ranges the signed release of `name@version` declares (read once, then kept). */
  sharedOf(name: string, version: string): Promise<SharedRanges> {
    const key = `${name}@${version}`;
    let ranges = this.shared.get(key);
    if (!ranges) {
      ranges = this.options.registry.release(name, version).then(
        (release) => {
          const parsed = releaseDocumentSchema.safeParse(release);
          return parsed.success ? parsed.data.manifest.shared : null;
        },
        () => null,
      );
      // A failure is not kept: the next view asks again.
      ranges.then((r) => r === null && this.shared.delete(key));
      this.shared.set(key, ranges);
    }
    return ranges;
  }

  private async enrich<T extends { county: string | null }>(entry: T, shared: SharedRanges) {
    const countyName = entry.county ? await this.options.divisionName(entry.county) : null;
    return { ...entry, countyName, shared };
  }

  /** One page of the catalog: the registry's search, or the pinyin match over every page of it. */
  async list(query: CatalogQuery) {
    const params = new URLSearchParams({ sdk: HOST_SDK, includeIncompatible: 'true' });
    for (const key of ['category', 'county', 'kind', 'sort'] as const) {
      const value = query[key];
      if (value) params.set(key, value);
    }
    const q = query.q?.trim() ?? '';
    let page: RegistryPage<RegistryItem>;
    if (q !== '' && isPinyinQuery(q)) page = await this.pinyinPage(params, q, query);
    else {
      if (q !== '') params.set('q', q);
      params.set('page', String(query.page));
      params.set('pageSize', String(query.pageSize));
      page = await this.get<RegistryPage<RegistryItem>>('catalog', params);
    }
    const items = await Promise.all(
      page.items.map(async (item) => this.enrich(item, await this.sharedOf(item.name, item.version))),
    );
    return { ...page, items, matched: q !== '' && isPinyinQuery(q) ? 'pinyin' : 'text' };
  }

  private async pinyinPage(
    params: URLSearchParams,
    q: string,
    query: CatalogQuery,
  ): Promise<RegistryPage<RegistryItem>> {
    const all: RegistryItem[] = [];
    params.set('pageSize', '100');
    for (let n = 1; n <= PINYIN_MAX_PAGES; n++) {
      params.set('page', String(n));
      const page = await this.get<RegistryPage<RegistryItem>>('catalog', params);
      all.push(...page.items);
      if (n >= page.pages) break;
    }
    const found = all.filter((item) => matchesPinyin(item, q));
    const pages = Math.max(1, Math.ceil(found.length / query.pageSize));
    if (query.page > pages) {
      throw shellError(
        'SHELL_ERR_BAD_REQUEST',
        `page: ${query.page} is out of range; expected 1 to ${pages} (${found.length} result(s), ${query.pageSize} per page)`,
        { zh: `page：第 ${query.page} 页不存在，共 ${pages} 页`, field: 'page' },
      );
    }
    const start = (query.page - 1) * query.pageSize;
    return {
      total: found.length,
      page: query.page,
      pageSize: query.pageSize,
      pages,
      items: found.slice(start, start + query.pageSize),
    };
  }

  /** One package with every approved version; the newest versions carry their shared ranges. */
  async detail(name: string) {
    const detail = await this.get<RegistryDetail>(
      `catalog/${name.split('/').map(encodeURIComponent).join('/')}`,
      new URLSearchParams({ sdk: HOST_SDK }),
    );
    const versions = await Promise.all(
      detail.versions.map(async (v, i) => ({
        ...v,
        shared: i < DETAIL_VERSIONS ? await this.sharedOf(name, v.version) : null,
      })),
    );
    const latest = versions.find((v) => v.version === detail.latest);
    return this.enrich({ ...detail, versions }, latest?.shared ?? null);
  }
}
