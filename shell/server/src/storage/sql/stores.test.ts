import type { VillageConfig } from '@cunmen/manifest';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BACKENDS, type OpenedBackend, openBackend } from '../../../test/backends.js';
import { DEMO_DIVISIONS } from '../demo.js';
import { StalePortalError, type Storage, type StoredSnapshot } from '../types.js';

const V = '330521107201';

describe.each(BACKENDS)('the division, portal and usage stores on %s', (backend) => {
  let opened: OpenedBackend;
  let storage: Storage;

  beforeEach(async () => {
    opened = await openBackend(backend);
    storage = opened.storage;
    await storage.divisions.upsertDivisions(DEMO_DIVISIONS);
  });

  afterEach(async () => {
    await opened.close();
  });

  const snap = (tag: string): StoredSnapshot => ({
    json: `{"v":"${tag}"}`,
    etag: `"${tag}"`,
    warnings: [],
    resolvedAt: '2026-12-01T00:00:00.000Z',
  });

  const config = (version: number): VillageConfig => ({
    village: V,
    version,
    theme: { elderlyByDefault: false },
    widgets: [],
  });

  const save = (tag: string, actor = 'cadre') =>
    storage.portals.savePortal({
      village: V,
      actor,
      build: (version) => ({ config: config(version), snapshot: snap(`${tag}${version}`) }),
    });

  describe('divisions', () => {
    it('stores the demo tree and resolves each village with its township, county and province', async () => {
      const villages = await storage.divisions.listVillages();
      expect(villages.map((v) => `${v.code} ${v.name}`)).toEqual([
        '330521003201 五四村',
        '330521107201 仙潭村',
        '370323108213 朱家户村',
      ]);
      expect(await storage.divisions.getVillage('370323108213')).toEqual({
        code: '370323108213',
        name: '朱家户村',
        township: { code: '370323108', name: '燕崖镇' },
        county: { code: '370323', name: '沂源县' },
        province: { code: '370000', name: '山东省' },
      });
      expect((await storage.divisions.listVillages('330521')).length).toBe(2);
      expect(await storage.divisions.getVillage('330521107')).toBeNull();
      await storage.divisions.upsertDivisions(DEMO_DIVISIONS);
      expect((await storage.divisions.listVillages()).length).toBe(3);
    });
  });

  describe('portal versions', () => {
    it('appends immutable versions, moves the current pointer on rollback and records every change', async () => {
      expect(await storage.portals.currentVersion(V)).toBeNull();
      expect((await save('a')).version).toBe(1);
      expect((await save('b')).version).toBe(2);
      expect(await storage.portals.currentVersion(V)).toBe(2);
      expect((await storage.portals.getSnapshot(V, 2))?.etag).toBe('"b2"');

      expect(await storage.portals.setCurrent(V, 1, 'county')).toBe(true);
      expect(await storage.portals.currentVersion(V)).toBe(1);
      expect(await storage.portals.setCurrent(V, 7, 'county')).toBe(false);
      expect(await storage.portals.currentVersion(V)).toBe(1);

      expect((await save('c')).version).toBe(3);
      expect((await storage.portals.listVersions(V)).map((v) => v.version)).toEqual([3, 2, 1]);
      expect((await storage.portals.getVersion(V, 1))?.config.version).toBe(1);
      expect(await storage.portals.listEvents(V)).toMatchObject([
        { action: 'save', version: 1, previousVersion: null, actor: 'cadre' },
        { action: 'save', version: 2, previousVersion: 1 },
        { action: 'rollback', version: 1, previousVersion: 2, actor: 'county' },
        { action: 'save', version: 3, previousVersion: 1 },
      ]);
    });

    it('writes nothing when building the version fails', async () => {
      await save('a');
      await expect(
        storage.portals.savePortal({
          village: V,
          actor: 'x',
          build: () => {
            throw new Error('refused');
          },
        }),
      ).rejects.toThrow('refused');
      expect(await storage.portals.listVersions(V)).toHaveLength(1);
      expect(await storage.portals.currentVersion(V)).toBe(1);
    });

    it('writes only when the current version is the expected one, across two connections', async () => {
      // A second connection to the same database, as the CLI beside a running server has. (Both in one
      // thread, so they take turns: better-sqlite3 would wait for the lock synchronously.)
      const other = await opened.again();
      try {
        const on = (s: Storage, expectCurrent: number | null, tag: string) =>
          s.portals.savePortal({
            village: V,
            actor: tag,
            expectCurrent,
            build: (version) => ({ config: config(version), snapshot: snap(`${tag}${version}`) }),
          });
        await on(storage, null, 'first');
        const results = await Promise.allSettled([on(storage, 1, 'a'), on(storage, 1, 'b')]);
        results.push(...(await Promise.allSettled([on(other, 1, 'c')])));
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        for (const r of results.filter((r) => r.status === 'rejected')) {
          expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StalePortalError);
          expect((r as PromiseRejectedResult).reason.current).toBe(2);
        }
        expect((await storage.portals.listVersions(V)).map((v) => v.version)).toEqual([2, 1]);
        await expect(on(other, null, 'again')).rejects.toThrow('the current portal version is 2');
      } finally {
        await other.close();
      }
    });

    it('refuses a portal for a village that is not in the division tree', async () => {
      await expect(
        storage.portals.savePortal({
          village: '330521107299',
          actor: 'x',
          build: (version) => ({
            config: { ...config(version), village: '330521107299' },
            snapshot: snap('z'),
          }),
        }),
      ).rejects.toThrow(/FOREIGN KEY|foreign key constraint/);
    });

    it('replaces the stored snapshot of a version on rollback when a fresh one is given', async () => {
      await save('a');
      await save('b');
      await storage.portals.setCurrent(V, 1, 'x', snap('fresh'));
      expect((await storage.portals.getSnapshot(V, 1))?.etag).toBe('"fresh"');
    });
  });

  describe('usage outbox', () => {
    it('keeps the latest report per village until delivered, with backoff on failure', async () => {
      const now = new Date();
      await storage.usage.enqueue({ village: V, widgets: [{ name: '@deqing/a', version: '1.0.0' }] });
      await storage.usage.enqueue({ village: V, widgets: [{ name: '@deqing/a', version: '1.1.0' }] });
      const [due] = await storage.usage.due(new Date(now.getTime() + 1000));
      expect(due).toEqual({ village: V, widgets: [{ name: '@deqing/a', version: '1.1.0' }], attempts: 0 });
      await storage.usage.failed(V, 'down', new Date(now.getTime() + 60_000));
      expect(await storage.usage.due(new Date(now.getTime() + 1000))).toEqual([]);
      expect((await storage.usage.due(new Date(now.getTime() + 61_000)))[0]?.attempts).toBe(1);
      await storage.usage.delivered({ village: V, widgets: [{ name: '@deqing/a', version: '1.0.0' }] });
      expect(await storage.usage.pending()).toBe(1);
      await storage.usage.delivered({ village: V, widgets: [{ name: '@deqing/a', version: '1.1.0' }] });
      expect(await storage.usage.pending()).toBe(0);
    });
  });
});
