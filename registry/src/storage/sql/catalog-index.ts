/**
 * The catalog's index: one `catalog_entries` row and one `catalog_fts` row per package that has an
 * installable version, rebuilt from that version whenever it changes. Also what the catalog store reads
 * JSON columns with.
 */
import type { Kysely, Selectable } from 'kysely';
import semver from 'semver';
import type { CatalogText } from '../types.js';
import type { CatalogEntriesTable, Database, VersionsTable } from './schema.js';

type VersionRow = Selectable<VersionsTable>;

/** Sorts version strings highest first; invalid semver (never stored, but be safe) goes last. */
export function byVersionDesc(a: string, b: string): number {
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

export function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function asText(value: unknown, fallback: string): CatalogText {
  const r = asRecord(value);
  const zh = typeof r['zh-CN'] === 'string' ? r['zh-CN'] : fallback;
  return typeof r.en === 'string' ? { 'zh-CN': zh, en: r.en } : { 'zh-CN': zh };
}

export function asStrings(value: unknown): string[] {
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
export async function writeEntry(db: Kysely<Database>, name: string): Promise<boolean> {
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
