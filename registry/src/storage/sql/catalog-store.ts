/**
 * The catalog over SQLite or PostgreSQL. `catalog_entries` holds one row per package that has an installable version
 * (what lists and filters read; see catalog-index.ts for how it is built), `catalog_fts` its searchable
 * text (indexed for substring search: dialect/), and `portal_usage` one row per (village, package) as the shell last
 * reported it.
 *
 * Text search: every word must occur as a substring; how each dialect finds it is its own
 * (`StorageDialect.catalogTextContainsAll`). Index writes take a lock per package (per village for
 * usage reports), so two instances rebuilding one entry at once cannot both insert it.
 */
import { type Kysely, type Selectable, sql } from 'kysely';
import type { StorageDialect } from '../dialect/types.js';
import type {
  CatalogDetailData,
  CatalogEntry,
  CatalogSearch,
  CatalogStore,
  CatalogVersion,
  PortalReportResult,
  Reuse,
  VersionStatus,
  VersionUsage,
  WidgetInUse,
} from '../types.js';
import {
  asRecord,
  asStrings,
  asText,
  byVersionDesc,
  parseJson,
  pickCurrent,
  rebuildCatalog,
  writeEntry,
} from './catalog-index.js';
import type { CatalogEntriesTable, Database, VersionsTable } from './schema.js';

export { pickCurrent, rebuildCatalog } from './catalog-index.js';

type VersionRow = Selectable<VersionsTable>;

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

export class SqlCatalogStore implements CatalogStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: StorageDialect,
  ) {}

  async reindex(name: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.dialect.lockWithinTransaction(trx, `catalog:${name}`);
      await writeEntry(trx, name);
    });
  }

  async reindexAll(): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      await this.dialect.lockWithinTransaction(trx, 'catalog:*');
      return rebuildCatalog(trx);
    });
  }

  /**
   * The entries matching the query's filters, as `e`. Counting and paging in SQL: a query every widget
   * matches (a word in every description) once made and parsed all 10,000 rows to answer one page.
   */
  private matching(query: CatalogSearch) {
    let q = this.db.selectFrom('catalog_entries as e');
    const words = (query.words ?? []).filter((w) => w.length > 0);
    if (words.length > 0) {
      q = q.where('e.package_name', 'in', (eb) =>
        eb
          .selectFrom('catalog_fts')
          .select('catalog_fts.package_name')
          .where(this.dialect.catalogTextContainsAll(words)),
      );
    }
    if (query.category !== undefined) q = q.where('e.category', '=', query.category);
    if (query.county !== undefined) q = q.where('e.county', '=', query.county);
    if (query.kinds !== undefined) q = q.where('e.kind', 'in', query.kinds);
    if (query.namePrefix !== undefined && query.namePrefix !== '') {
      const prefix = query.namePrefix;
      q = q.where(sql<boolean>`substr(e.package_name, 1, ${[...prefix].length}) = ${prefix}`);
    }
    return q;
  }

  async count(query: CatalogSearch): Promise<number> {
    if (query.kinds?.length === 0) return 0;
    const row = await this.matching(query)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async search(query: CatalogSearch): Promise<CatalogEntry[]> {
    if (query.kinds?.length === 0) return [];
    const usage = this.db
      .selectFrom('portal_usage')
      .select((eb) => [
        'package_name',
        eb.fn.countAll<number>().as('villages'),
        eb.fn.count<number>('county').distinct().as('counties'),
      ])
      .groupBy('package_name')
      .as('u');
    let q = this.matching(query)
      .innerJoin('packages as p', 'p.name', 'e.package_name')
      .leftJoin(usage, 'u.package_name', 'e.package_name')
      .leftJoin('versions as v', (join) =>
        join.onRef('v.package_name', '=', 'e.package_name').onRef('v.version', '=', 'e.version'),
      )
      .leftJoin('users as usr', 'usr.id', 'v.published_by')
      .selectAll('e')
      .select(['p.standard', 'u.villages', 'u.counties', 'usr.name as publisher']);
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
    q = q.orderBy('e.package_name');
    if (query.limit !== undefined) q = q.limit(query.limit).offset(query.offset ?? 0);
    const rows = await q.execute();
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
      await this.dialect.lockWithinTransaction(trx, `village:${village}`);
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
