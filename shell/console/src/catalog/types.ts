/**
 * The console API's catalog answers (`/api/console/v1/catalog…`, shell/server/src/console/): the
 * registry's catalog entries (docs/docs/province/catalog-api.md) with what the shell adds — the
 * county's name and each version's shared-singleton ranges.
 */
export interface LocalizedText {
  'zh-CN': string;
  en?: string;
}

export interface Reuse {
  villages: number;
  counties: number;
}

/** Shared-singleton ranges from the signed release; null when the shell could not read them. */
export type SharedRanges = Record<string, string> | null;

export interface CatalogEntry {
  name: string;
  version: string;
  kind: 'widget' | 'standard' | 'library';
  standard: boolean;
  title: LocalizedText;
  description: LocalizedText;
  keywords: string[];
  category: string | null;
  county: string | null;
  countyName: string | null;
  sdk: string | null;
  capabilities: string[];
  grantedCapabilities: string[] | null;
  size: { jsGzip: number; totalGzip: number; total: number } | null;
  reuse: Reuse;
  deprecated: string | null;
  publishedAt: string;
  reviewedAt: string | null;
  publisher: string | null;
  shared: SharedRanges;
}

export interface CatalogPage {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  items: CatalogEntry[];
  /** How `q` was matched: the registry's text search, or the shell's pinyin match. */
  matched: 'text' | 'pinyin';
}

export interface CatalogVersion {
  version: string;
  latest: boolean;
  publishedAt: string;
  reviewedAt: string | null;
  description: LocalizedText;
  changelog: string | null;
  screenshots: { path: string; url: string | null }[];
  capabilities: { requested: string[]; granted: string[] | null };
  size: {
    jsGzip: number | null;
    totalGzip: number | null;
    total: number | null;
    tarball: number;
    unpacked: number;
  };
  compatibility: { sdk: string | null; against: string; badge: 'compatible' | 'incompatible' | 'unknown' };
  deprecated: string | null;
  yanked: boolean;
  yankedAt: string | null;
  yankReason: string | null;
  reuse: Reuse;
  shared: SharedRanges;
}

export interface CatalogDetail {
  name: string;
  kind: CatalogEntry['kind'];
  standard: boolean;
  title: LocalizedText;
  description: LocalizedText;
  category: string | null;
  county: string | null;
  countyName: string | null;
  keywords: string[];
  latest: string | null;
  distTags: Record<string, string>;
  compatibility: CatalogVersion['compatibility'];
  reuse: Reuse;
  versions: CatalogVersion[];
  shared: SharedRanges;
}
