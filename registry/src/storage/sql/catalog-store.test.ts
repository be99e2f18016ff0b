/** The catalog store's contract, on SQLite (FTS5 trigram) and on PostgreSQL (pg_trgm) alike. */
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, openTestStorage } from '../../../test/backends.js';
import { builtManifest } from '../../../test/fixtures.js';
import { ftsPhrases, sqliteDialect, usesTrigramIndex } from '../dialect/sqlite.js';
import { migrateDatabase, openDatabase } from '../sqlite/database.js';
import type { NewVersion, Storage } from '../types.js';
import { SqlAccountStore } from './account-store.js';
import { pickCurrent, SqlCatalogStore } from './catalog-store.js';
import { SqlPackageStore } from './package-store.js';

let storage: Storage;
let userId: number;
let blobSeq = 0;

function version(
  name: string,
  v: string,
  manifest: Record<string, unknown> | null = {},
  packageJson: Record<string, unknown> = {},
): NewVersion {
  blobSeq++;
  return {
    name,
    version: v,
    kind: manifest === null ? 'library' : ((manifest.kind as 'widget' | 'standard' | undefined) ?? 'widget'),
    packageJson: { name, version: v, ...packageJson },
    manifest: manifest === null ? null : builtManifest(name, v, manifest),
    integrity: 'sha512-AAAA',
    shasum: '0'.repeat(40),
    blobSha256: blobSeq.toString(16).padStart(64, '0'),
    tarballSize: 1000,
    unpackedSize: 5000,
    files: [],
    checks: [],
    requestedTag: 'latest',
    publishedBy: userId,
    assets: [],
  };
}

/** Inserts and approves (as the review service would), then reindexes. */
async function approved(v: NewVersion): Promise<void> {
  expect(await storage.packages.insertVersion(v)).toBe(true);
  await storage.packages.approveVersion(v.name, v.version, {
    reviewerId: null,
    grantedCapabilities: ['store.read'],
    signature: 'sig',
  });
  await storage.catalog.reindex(v.name);
}

const names = async (words: string[], extra = {}) =>
  (await storage.catalog.search({ words, sort: 'name', ...extra })).map((e) => e.name);

describe.each(BACKENDS)('the catalog store on %s', (backend) => {
  beforeEach(async () => {
    storage = await openTestStorage(backend);
    userId = (
      await storage.accounts.createUser({ name: 'dq', role: 'county', county: '330521', scope: '@deqing' })
    ).id;
  });

  afterEach(async () => {
    await storage.close();
  });

  describe('catalog search', () => {
    beforeEach(async () => {
      await approved(
        version(
          '@deqing/find-machinery',
          '1.0.0',
          { title: { 'zh-CN': '找农机', en: 'Find machinery' }, description: { 'zh-CN': '查找本村农机手' } },
          { keywords: ['农业', 'tractor'] },
        ),
      );
      await approved(
        version('@deqing/waste-pickup', '1.0.0', {
          title: { 'zh-CN': '垃圾分类预约' },
          description: { 'zh-CN': '预约上门回收' },
          category: 'environment',
        }),
      );
    });

    it('finds Chinese substrings of 3+ characters through the trigram index', async () => {
      expect(usesTrigramIndex('找农机')).toBe(true);
      expect(await names(['找农机'])).toEqual(['@deqing/find-machinery']);
      expect(await names(['农机手'])).toEqual(['@deqing/find-machinery']);
      expect(await names(['分类预约'])).toEqual(['@deqing/waste-pickup']);
    });

    it('finds 1- and 2-character words by scanning (trigram MATCH cannot)', async () => {
      expect(usesTrigramIndex('农机')).toBe(false);
      expect(await names(['农机'])).toEqual(['@deqing/find-machinery']);
      expect(await names(['垃圾'])).toEqual(['@deqing/waste-pickup']);
      expect(await names(['预'])).toEqual(['@deqing/waste-pickup']);
      expect(await names(['村'])).toEqual(['@deqing/find-machinery']);
    });

    it('matches names, English, keywords and categories, case-insensitively, every word required', async () => {
      expect(await names(['MACHINERY'])).toEqual(['@deqing/find-machinery']);
      expect(await names(['tractor'])).toEqual(['@deqing/find-machinery']);
      expect(await names(['environment'])).toEqual(['@deqing/waste-pickup']);
      expect(await names(['@deqing'])).toEqual(['@deqing/find-machinery', '@deqing/waste-pickup']);
      expect(await names(['deqing', '农机'])).toEqual(['@deqing/find-machinery']);
      expect(await names(['deqing', '农机', 'waste'])).toEqual([]);
    });

    it('treats FTS5 syntax and LIKE wildcards in a query as plain text', async () => {
      expect(ftsPhrases(['a"b', 'c'])).toBe('"a""b" AND "c"');
      for (const w of ['"', 'AND', 'NEAR(', '*', '%', '_', "'", 'a"b"c', '%%%', '农"']) {
        expect(await names([w])).toEqual([]);
      }
    });

    it('filters by category, county, kind and name prefix', async () => {
      expect(await names([], { category: 'environment' })).toEqual(['@deqing/waste-pickup']);
      expect(await names([], { county: '330521' })).toHaveLength(2);
      expect(await names([], { county: '330523' })).toEqual([]);
      expect(await names([], { kinds: ['standard'] })).toEqual([]);
      expect(await names([], { kinds: [] })).toEqual([]);
      expect(await names([], { namePrefix: '@deqing/w' })).toEqual(['@deqing/waste-pickup']);
    });

    it('keeps pending versions out until approved', async () => {
      expect(
        await storage.packages.insertVersion(
          version('@deqing/health-hut', '1.0.0', { title: { 'zh-CN': '健康小屋' } }),
        ),
      ).toBe(true);
      await storage.catalog.reindex('@deqing/health-hut');
      expect(await names(['健康'])).toEqual([]);
      expect(await storage.catalog.detail('@deqing/health-hut')).toBeNull();
      await storage.packages.approveVersion('@deqing/health-hut', '1.0.0', {
        reviewerId: null,
        grantedCapabilities: [],
        signature: 's',
      });
      await storage.catalog.reindex('@deqing/health-hut');
      expect(await names(['健康'])).toEqual(['@deqing/health-hut']);
    });
  });

  describe('reindex', () => {
    it('indexes the latest dist-tag when approved and not yanked, else the highest live version', async () => {
      const name = '@deqing/find-machinery';
      await approved(version(name, '1.0.0'));
      await approved(version(name, '1.2.0', { title: { 'zh-CN': '找农机二代' } }));
      let [entry] = await storage.catalog.search({ words: [] });
      expect(entry?.version).toBe('1.2.0');
      expect(entry?.title['zh-CN']).toBe('找农机二代');

      await storage.packages.yankVersion(name, '1.2.0', 'broken on iOS 13');
      await storage.catalog.reindex(name);
      [entry] = await storage.catalog.search({ words: [] });
      expect(entry?.version).toBe('1.0.0');
      expect(await names(['二代'])).toEqual([]);
      const detail = await storage.catalog.detail(name);
      expect(detail?.current).toBe('1.0.0');
      expect(detail?.versions.map((v) => [v.version, v.yankedAt !== null])).toEqual([
        ['1.2.0', true],
        ['1.0.0', false],
      ]);
    });

    it('deletes the entry when nothing approved and unyanked is left', async () => {
      const name = '@deqing/find-machinery';
      await approved(version(name, '1.0.0'));
      await approved(version(name, '1.1.0'));
      await storage.packages.yankVersion(name, '1.1.0', 'bad');
      await storage.packages.markUnpublished(name, '1.0.0');
      await storage.catalog.reindex(name);
      expect(await names([])).toEqual([]);
      expect(await names(['machinery'])).toEqual([]);
      // The yanked version stays readable in the detail; the unpublished one is gone.
      const detail = await storage.catalog.detail(name);
      expect(detail?.current).toBeNull();
      expect(detail?.versions.map((v) => v.version)).toEqual(['1.1.0']);
      await storage.packages.markUnpublished(name, '1.1.0');
      await storage.catalog.reindex(name);
      expect(await storage.catalog.detail(name)).toBeNull();
    });

    it('picks the current version by the rules', () => {
      const rows = [
        { version: '1.0.0', status: 'approved', yanked_at: null },
        { version: '2.0.0', status: 'approved', yanked_at: 'x' },
        { version: '1.10.0', status: 'approved', yanked_at: null },
        { version: '3.0.0', status: 'pending', yanked_at: null },
      ];
      expect(pickCurrent(rows, undefined)?.version).toBe('1.10.0');
      expect(pickCurrent(rows, '1.0.0')?.version).toBe('1.0.0');
      expect(pickCurrent(rows, '2.0.0')?.version).toBe('1.10.0');
      expect(pickCurrent([], 'x')).toBeNull();
    });

    it('indexes a library from its package.json and rebuilds everything with reindexAll', async () => {
      await approved(
        version('@cunmen/sdk', '0.1.0', null, { description: 'The widget SDK', keywords: 'sdk widgets' }),
      );
      await approved(version('@deqing/find-machinery', '1.0.0'));
      const [lib] = await storage.catalog.search({ words: ['sdk'], kinds: ['library'] });
      expect(lib).toMatchObject({
        name: '@cunmen/sdk',
        kind: 'library',
        title: { 'zh-CN': '@cunmen/sdk' },
        description: { 'zh-CN': 'The widget SDK' },
        keywords: ['sdk', 'widgets'],
        category: null,
        county: null,
        sdk: null,
        size: null,
        publisher: 'dq',
      });
      expect(await storage.catalog.reindexAll()).toBe(2);
      expect(await names([])).toEqual(['@cunmen/sdk', '@deqing/find-machinery']);
    });
  });

  describe('portal usage', () => {
    const A = '@deqing/find-machinery';
    const B = '@deqing/waste-pickup';
    beforeEach(async () => {
      await approved(version(A, '1.0.0'));
      await approved(version(A, '1.1.0'));
      await approved(version(B, '1.0.0'));
    });

    it('replaces a village report and counts villages and distinct counties per version', async () => {
      expect(await storage.catalog.reportPortal('330521001001', [{ name: A, version: '1.0.0' }])).toEqual({
        ok: true,
        reportedAt: expect.any(String),
      });
      expect(await storage.catalog.reportPortal('330521001002', [{ name: A, version: '1.1.0' }])).toEqual({
        ok: true,
        reportedAt: expect.any(String),
      });
      expect(
        await storage.catalog.reportPortal('330523001001', [
          { name: A, version: '1.1.0' },
          { name: B, version: '1.0.0' },
        ]),
      ).toMatchObject({ ok: true });
      expect(await storage.catalog.usage(A)).toEqual([
        { version: '1.1.0', villages: 2, counties: 2 },
        { version: '1.0.0', villages: 1, counties: 1 },
      ]);
      expect(await storage.catalog.reuse(A)).toEqual({ villages: 3, counties: 2 });
      expect(await storage.catalog.isVersionInUse(A, '1.0.0')).toBe(true);

      // The first village upgrades: its old row is replaced, not added to.
      await storage.catalog.reportPortal('330521001001', [{ name: A, version: '1.1.0' }]);
      expect(await storage.catalog.usage(A)).toEqual([{ version: '1.1.0', villages: 3, counties: 2 }]);
      expect(await storage.catalog.isVersionInUse(A, '1.0.0')).toBe(false);
      expect(
        (await storage.catalog.search({ words: [], sort: 'reuse' })).map((e) => [e.name, e.reuse]),
      ).toEqual([
        [A, { villages: 3, counties: 2 }],
        [B, { villages: 1, counties: 1 }],
      ]);

      await storage.catalog.reportPortal('330523001001', []);
      expect(await storage.catalog.reuse(B)).toEqual({ villages: 0, counties: 0 });
    });

    it('refuses a report naming a version that is not approved, and changes nothing', async () => {
      await storage.catalog.reportPortal('330521001001', [{ name: A, version: '1.0.0' }]);
      expect(await storage.packages.insertVersion(version(A, '2.0.0'))).toBe(true);
      const result = await storage.catalog.reportPortal('330521001001', [
        { name: A, version: '2.0.0' },
        { name: B, version: '9.9.9' },
      ]);
      expect(result).toEqual({
        ok: false,
        rejected: [
          { name: A, version: '2.0.0', status: 'pending' },
          { name: B, version: '9.9.9', status: 'missing' },
        ],
      });
      expect(await storage.catalog.usage(A)).toEqual([{ version: '1.0.0', villages: 1, counties: 1 }]);
    });
  });
});

describe('migration 0003-catalog on SQLite', () => {
  it('indexes the versions approved before the catalog existed', async () => {
    const db = openDatabase(join((await makeTempDir('cunmen-catalog-migrate-')).path, 'registry.db'));
    const meta = new SqlPackageStore(db, sqliteDialect);
    try {
      await migrateDatabase(db, '0002-audit');
      const user = await new SqlAccountStore(db).createUser({
        name: 'dq',
        role: 'county',
        county: '330521',
        scope: '@deqing',
      });
      const v = { ...version('@deqing/find-machinery', '1.0.0'), publishedBy: user.id };
      expect(await meta.insertVersion(v)).toBe(true);
      await meta.approveVersion(v.name, v.version, {
        reviewerId: null,
        grantedCapabilities: [],
        signature: 's',
      });
      expect(await meta.insertVersion({ ...version('@deqing/pending', '1.0.0'), publishedBy: user.id })).toBe(
        true,
      );
      await migrateDatabase(db);
      const catalog = new SqlCatalogStore(db, sqliteDialect);
      expect((await catalog.search({ words: ['农机'] })).map((e) => `${e.name}@${e.version}`)).toEqual([
        '@deqing/find-machinery@1.0.0',
      ]);
      expect(await catalog.search({ words: ['pending'] })).toEqual([]);
    } finally {
      await db.destroy();
    }
  });
});
