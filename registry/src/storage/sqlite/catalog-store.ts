/**
 * The catalog over SQLite. `catalog_entries` holds one row per package that has an installable version
 * (what lists and filters read), `catalog_fts` its searchable text (FTS5, trigram tokenizer), and
 * `portal_usage` one row per (village, package) as the shell last reported it.
 *
 * Text search: every word must occur as a substring. Words of 3 or more characters go through the
 * trigram index (`MATCH '"word"'`); shorter ones (Chinese words are often 2 characters, 农机) cannot,
 * so they are checked with `instr()` over the same text, which needs no escaping.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import semver from 'semver';
import type {
  CatalogDetailData,
  CatalogEntry,
  CatalogSearch,
  CatalogStore,
  CatalogText,
  CatalogVersion,
  PortalReportResult,
  Reuse,
  VersionStatus,
  VersionUsage,
  WidgetInUse,
} from '../types.js';
import type { CatalogEntriesTable, Database, VersionsTable } from './schema.js';

type VersionRow = Selectable<VersionsTable>;

/** Sorts version strings highest first; invalid semver (never stored, but be safe) goes last. */
function byVersionDesc(a: string, b: string): number {
  const va = semver.valid(a);
  const vb = semver.valid(b);
  if (va && vb) return semver.rcompare(va, vb);
  if (va) return -1;
  if (vb) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The version the catalog offers: the `latest` dist-tag when it names an approved, non-yanked version,
 * else the highest approved, non-yanked version; null when there is none.
 */
export function pickCurrent<T extends { version: string; status: string; yanked_at: string | null }>(
  rows: readonly T[],
  latestTag: string | undefined,
): T | null {
  const live = rows.filter((r) => r.status === 'approved' && r.yanked_at === null);
  const tagged = live.find((r) => r.version === latestTag);
  if (tagged) return tagged;
  return [...live].sort((a, b) => byVersionDesc(a.version, b.version))[0] ?? null;
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

function asText(value: unknown, fallback: string): CatalogText {
  const r = asRecord(value);
  const zh = typeof r['zh-CN'] === 'string' ? r['zh-CN'] : fallback;
  return typeof r.en === 'string' ? { 'zh-CN': zh, en: r.en } : { 'zh-CN': zh };
}

function asStrings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/[,\s]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

interface IndexedRow {
  entry: Omit<CatalogEntriesTable, 'indexed_at'>;
  fts: Database['catalog_fts'];
}

/** What the catalog stores for a package whose current version is `row`. */
function indexRow(row: VersionRow): IndexedRow {
  const manifest = row.manifest === null ? null : asRecord(parseJson(row.manifest));
  const pkg = asRecord(parseJson(row.package_json));
  const pkgDescription = stringOrNull(pkg.description)?.trim() ?? '';
  const title = manifest ? asText(manifest.title, row.package_name) : { 'zh-CN': row.package_name };
  const description = manifest ? asText(manifest.description, pkgDescription) : { 'zh-CN': pkgDescription };
  const keywords = asStrings(pkg.keywords);
  const category = manifest ? stringOrNull(manifest.category) : null;
  const size = manifest ? asRecord(manifest.size) : null;
  const descriptionText = [...new Set([description['zh-CN'], description.en ?? '', pkgDescription])]
    .filter(Boolean)
    .join('\n');
  return {
    entry: {
      package_name: row.package_name,
      version: row.version,
      kind: row.kind,
      category,
      county: manifest ? stringOrNull(manifest.county) : null,
      sdk: manifest ? stringOrNull(manifest.sdk) : null,
      title: JSON.stringify(title),
      description: JSON.stringify(description),
      keywords: JSON.stringify(keywords),
      capabilities: JSON.stringify(manifest ? asStrings(manifest.capabilities) : []),
      granted_capabilities: row.granted_capabilities,
      size:
        size === null
          ? null
          : JSON.stringify({
              jsGzip: Number(size.jsGzip ?? 0),
              totalGzip: Number(size.totalGzip ?? 0),
              total: Number(size.total ?? 0),
            }),
      deprecated: row.deprecated,
      published_at: row.published_at,
      reviewed_at: row.reviewed_at,
    },
    fts: {
      package_name: row.package_name,
      name: row.package_name,
      title: [title['zh-CN'], title.en ?? ''].filter(Boolean).join('\n'),
      description: descriptionText,
      keywords: keywords.join('\n'),
      category: category ?? '',
    },
  };
}

/** Rewrites one package's entry; false when it has no current version (its entry is then gone). */
async function writeEntry(db: Kysely<Database>, name: string): Promise<boolean> {
  const rows = await db
    .selectFrom('versions')
    .selectAll()
    .where('package_name', '=', name)
    .where('status', '=', 'approved')
    .execute();
  const latest = await db
    .selectFrom('dist_tags')
    .select('version')
    .where('package_name', '=', name)
    .where('tag', '=', 'latest')
    .executeTakeFirst();
  await db.deleteFrom('catalog_fts').where('package_name', '=', name).execute();
  await db.deleteFrom('catalog_entries').where('package_name', '=', name).execute();
  const current = pickCurrent(rows, latest?.version);
  if (!current) return false;
  const { entry, fts } = indexRow(current);
  await db
    .insertInto('catalog_entries')
    .values({ ...entry, indexed_at: new Date().toISOString() })
    .execute();
  await db.insertInto('catalog_fts').values(fts).execute();
  return true;
}

/** Rebuilds the whole catalog (no transaction of its own: the caller's, or the migration's). */
export async function rebuildCatalog(db: Kysely<Database>): Promise<number> {
  await db.deleteFrom('catalog_fts').execute();
  await db.deleteFrom('catalog_entries').execute();
  const names = await db.selectFrom('packages').select('name').orderBy('name').execute();
  let count = 0;
  for (const { name } of names) if (await writeEntry(db, name)) count++;
  return count;
}

/** An FTS5 query that requires every word as a phrase (`"a" AND "b"`), quotes doubled inside. */
export function ftsPhrases(words: readonly string[]): string {
  return words.map((w) => `"${w.replaceAll('"', '""')}"`).join(' AND ');
}

/** Trigram MATCH needs at least 3 characters (code points, so 找农机 counts 3). */
export function usesTrigramIndex(word: string): boolean {
  return [...word].length >= 3;
}

function toEntry(
  row: Selectable<CatalogEntriesTable> & {
    standard: number;
    villages: number | null;
    counties: number | null;
    publisher: string | null;
  },
): CatalogEntry {
  return {
    name: row.package_name,
    version: row.version,
    kind: row.kind,
    standard: row.standard === 1,
    title: asText(parseJson(row.title), row.package_name),
    description: asText(parseJson(row.description), ''),
    keywords: asStrings(parseJson(row.keywords)),
    category: row.category,
    county: row.county,
    sdk: row.sdk,
    capabilities: asStrings(parseJson(row.capabilities)),
    grantedCapabilities:
      row.granted_capabilities === null ? null : asStrings(parseJson(row.granted_capabilities)),
    size: (parseJson(row.size) as CatalogEntry['size']) ?? null,
    deprecated: row.deprecated,
    publishedAt: row.published_at,
    reviewedAt: row.reviewed_at,
    publisher: row.publisher,
    reuse: { villages: Number(row.villages ?? 0), counties: Number(row.counties ?? 0) },
  };
}

function toCatalogVersion(row: VersionRow): CatalogVersion {
  return {
    version: row.version,
    kind: row.kind,
    packageJson: asRecord(parseJson(row.package_json)),
    manifest: row.manifest === null ? null : asRecord(parseJson(row.manifest)),
    publishedAt: row.published_at,
    reviewedAt: row.reviewed_at,
    grantedCapabilities:
      row.granted_capabilities === null ? null : asStrings(parseJson(row.granted_capabilities)),
    deprecated: row.deprecated,
    yankedAt: row.yanked_at,
    yankReason: row.yank_reason,
    tarballSize: row.tarball_size,
    unpackedSize: row.unpacked_size,
    blobSha256: row.blob_sha256,
  };
}

export class SqliteCatalogStore implements CatalogStore {
  constructor(private readonly db: Kysely<Database>) {}

  async reindex(name: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await writeEntry(trx, name);
    });
  }

  async reindexAll(): Promise<number> {
    return this.db.transaction().execute((trx) => rebuildCatalog(trx));
  }

  async search(query: CatalogSearch): Promise<CatalogEntry[]> {
    const usage = this.db
      .selectFrom('portal_usage')
      .select((eb) => [
        'package_name',
        eb.fn.countAll<number>().as('villages'),
        eb.fn.count<number>('county').distinct().as('counties'),
      ])
      .groupBy('package_name')
      .as('u');
    let q = this.db
      .selectFrom('catalog_entries as e')
      .innerJoin('packages as p', 'p.name', 'e.package_name')
      .leftJoin(usage, 'u.package_name', 'e.package_name')
      .leftJoin('versions as v', (join) =>
        join.onRef('v.package_name', '=', 'e.package_name').onRef('v.version', '=', 'e.version'),
      )
      .leftJoin('users as usr', 'usr.id', 'v.published_by')
      .selectAll('e')
      .select(['p.standard', 'u.villages', 'u.counties', 'usr.name as publisher']);

    const words = (query.words ?? []).filter((w) => w.length > 0);
    if (words.length > 0) {
      const indexed = words.filter(usesTrigramIndex);
      const short = words.filter((w) => !usesTrigramIndex(w));
      q = q.where('e.package_name', 'in', (eb) => {
        let sub = eb.selectFrom('catalog_fts').select('catalog_fts.package_name');
        if (indexed.length > 0) sub = sub.where(sql<boolean>`catalog_fts match ${ftsPhrases(indexed)}`);
        for (const w of short) {
          sub = sub.where(
            sql<boolean>`instr(lower(catalog_fts.name || char(10) || catalog_fts.title || char(10) ||
              catalog_fts.description || char(10) || catalog_fts.keywords || char(10) ||
              catalog_fts.category), lower(${w})) > 0`,
          );
        }
        return sub;
      });
    }
    if (query.category !== undefined) q = q.where('e.category', '=', query.category);
    if (query.county !== undefined) q = q.where('e.county', '=', query.county);
    if (query.kinds !== undefined) {
      if (query.kinds.length === 0) return [];
      q = q.where('e.kind', 'in', query.kinds);
    }
    if (query.namePrefix !== undefined && query.namePrefix !== '') {
      const prefix = query.namePrefix;
      q = q.where(sql<boolean>`substr(e.package_name, 1, ${[...prefix].length}) = ${prefix}`);
    }
    switch (query.sort ?? 'reuse') {
      case 'reuse':
        q = q.orderBy(sql`coalesce(u.villages, 0)`, 'desc').orderBy(sql`coalesce(u.counties, 0)`, 'desc');
        break;
      case 'recent':
        q = q.orderBy(sql`coalesce(e.reviewed_at, e.published_at)`, 'desc');
        break;
      case 'name':
        break;
    }
    const rows = await q.orderBy('e.package_name').execute();
    return rows.map(toEntry);
  }

  async detail(name: string): Promise<CatalogDetailData | null> {
    const pkg = await this.db.selectFrom('packages').selectAll().where('name', '=', name).executeTakeFirst();
    if (!pkg) return null;
    const rows = await this.db
      .selectFrom('versions')
      .selectAll()
      .where('package_name', '=', name)
      .where('status', '=', 'approved')
      .execute();
    if (rows.length === 0) return null;
    rows.sort((a, b) => byVersionDesc(a.version, b.version));
    const approved = new Set(rows.map((r) => r.version));
    const tags = await this.db
      .selectFrom('dist_tags')
      .select(['tag', 'version'])
      .where('package_name', '=', name)
      .orderBy('tag')
      .execute();
    const distTags = Object.fromEntries(
      tags.filter((t) => approved.has(t.version)).map((t) => [t.tag, t.version]),
    );
    return {
      name,
      standard: pkg.standard === 1,
      current: pickCurrent(rows, distTags.latest)?.version ?? null,
      versions: rows.map(toCatalogVersion),
      distTags,
      usage: await this.usage(name),
    };
  }

  async reportPortal(village: string, widgets: WidgetInUse[]): Promise<PortalReportResult> {
    const county = village.slice(0, 6);
    const now = new Date().toISOString();
    return this.db.transaction().execute(async (trx): Promise<PortalReportResult> => {
      const rejected: { name: string; version: string; status: VersionStatus | 'missing' }[] = [];
      for (const w of widgets) {
        const row = await trx
          .selectFrom('versions')
          .select('status')
          .where('package_name', '=', w.name)
          .where('version', '=', w.version)
          .executeTakeFirst();
        if (row?.status !== 'approved') {
          rejected.push({ name: w.name, version: w.version, status: row?.status ?? 'missing' });
        }
      }
      if (rejected.length > 0) {
        return { ok: false, rejected };
      }
      await trx.deleteFrom('portal_usage').where('village', '=', village).execute();
      if (widgets.length > 0) {
        await trx
          .insertInto('portal_usage')
          .values(
            widgets.map((w) => ({
              village,
              county,
              package_name: w.name,
              version: w.version,
              reported_at: now,
            })),
          )
          .execute();
      }
      return { ok: true, reportedAt: now };
    });
  }

  async usage(name: string): Promise<VersionUsage[]> {
    const rows = await this.db
      .selectFrom('portal_usage')
      .select((eb) => [
        'version',
        eb.fn.countAll<number>().as('villages'),
        eb.fn.count<number>('county').distinct().as('counties'),
      ])
      .where('package_name', '=', name)
      .groupBy('version')
      .execute();
    return rows
      .map((r) => ({ version: r.version, villages: Number(r.villages), counties: Number(r.counties) }))
      .sort((a, b) => byVersionDesc(a.version, b.version));
  }

  async reuse(name: string): Promise<Reuse> {
    const row = await this.db
      .selectFrom('portal_usage')
      .select((eb) => [
        eb.fn.countAll<number>().as('villages'),
        eb.fn.count<number>('county').distinct().as('counties'),
      ])
      .where('package_name', '=', name)
      .executeTakeFirst();
    return { villages: Number(row?.villages ?? 0), counties: Number(row?.counties ?? 0) };
  }

  async isVersionInUse(name: string, version: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('portal_usage')
      .select('village')
      .where('package_name', '=', name)
      .where('version', '=', version)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
