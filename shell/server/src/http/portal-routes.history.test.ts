/** A portal's history: versions and rollback, and a version yanked before or after the village adopted it. */
import { describe, expect, it } from 'vitest';
import { MACHINERY, put, registryForFile, rollback, WASTE, WASTE_1_0_0 } from '../../test/portal-routes.js';
import { admin, machineryConfig, WUSI, XIANTAN } from '../../test/shell.js';

const portal = registryForFile([
  { name: MACHINERY, version: '1.0.0' },
  { name: MACHINERY, version: '1.5.0' },
  WASTE_1_0_0,
]);

describe('portal history', () => {
  it('assigns versions, rolls back without deleting, and lists the history', async () => {
    await portal.withShell(async (s) => {
      expect((await put(s, machineryConfig())).json().version).toBe(1);
      const two = await put(s, {
        ...machineryConfig('1.5.0'),
        widgets: [
          ...machineryConfig('1.5.0').widgets,
          { name: WASTE, version: '1.0.0', placements: [{ slot: 'village.home.tile/v1', order: 5 }] },
        ],
      });
      expect(two.json().version).toBe(2);
      const v2 = (await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).json();
      expect(v2.widgets.map((w: { name: string }) => w.name)).toEqual([MACHINERY, WASTE]);
      expect(v2.widgets[1].placements[0].title).toEqual({ 'zh-CN': '垃圾预约' });

      const back = await rollback(s, 1);
      expect(back.statusCode).toBe(200);
      expect(back.json()).toMatchObject({ village: XIANTAN, version: 1 });
      const v1 = (await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).json();
      expect(v1.portalVersion).toBe(1);
      expect(v1.widgets.map((w: { version: string }) => w.version)).toEqual(['1.0.0']);

      const list = await s.app.inject({ url: `/api/portals/${XIANTAN}/versions`, headers: admin });
      expect(list.json()).toMatchObject({
        village: XIANTAN,
        current: 1,
        versions: [
          { version: 2, current: false, createdBy: 'operator' },
          { version: 1, current: true, createdBy: 'operator' },
        ],
        events: [
          { action: 'save', version: 1, previousVersion: null },
          { action: 'save', version: 2, previousVersion: 1 },
          { action: 'rollback', version: 1, previousVersion: 2, actor: 'operator' },
        ],
      });
      const current = await s.app.inject({ url: `/api/portals/${XIANTAN}`, headers: admin });
      expect(current.json()).toMatchObject({ version: 1, config: { village: XIANTAN, version: 1 } });

      const missing = await rollback(s, 9);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('SHELL_ERR_UNKNOWN_VERSION');
    });
  });

  it('keeps a version yanked after adoption, with a warning, but refuses it as a new adoption', async () => {
    await portal.registry.release(MACHINERY, '1.6.0');
    await portal.withShell(async (s) => {
      expect((await put(s, machineryConfig('1.6.0'))).statusCode).toBe(200);
      await portal.registry.yank(MACHINERY, '1.6.0', '数据泄露风险');
      const kept = await put(s, { ...machineryConfig('1.6.0'), theme: { primary: '#225522' } });
      expect(kept.statusCode).toBe(200);
      expect(kept.json().version).toBe(2);
      expect(kept.json().warnings).toEqual([
        expect.objectContaining({ code: 'SHELL_WARN_YANKED', widget: MACHINERY }),
      ]);
      // The browser gets the yank too, so it loads the widget with a warning (one policy, both sides).
      const snapshot = (await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).json();
      expect(snapshot.widgets[0].yanked).toEqual({ at: expect.any(String), reason: '数据泄露风险' });
      const fresh = await put(s, machineryConfig('1.6.0'), WUSI);
      expect(fresh.statusCode).toBe(400);
      expect(fresh.json().code).toBe('SHELL_ERR_WIDGET_YANKED');

      // Once the village moved on, going back to the yanked version is a new adoption: refused.
      const moved = await put(s, machineryConfig('1.5.0'));
      expect(moved.json()).toMatchObject({ version: 3, warnings: [] });
      const back = await rollback(s, 2);
      expect(back.statusCode).toBe(400);
      expect(back.json()).toMatchObject({ code: 'SHELL_ERR_WIDGET_YANKED', widget: MACHINERY });
      expect(await s.app.shell.storage.portals.currentVersion(XIANTAN)).toBe(3);
    });
  });

  it('refreshes a current portal: a version yanked since stays, warned and marked yanked', async () => {
    await portal.registry.release(MACHINERY, '1.7.0');
    await portal.withShell(async (s) => {
      const saved = await put(s, machineryConfig('1.7.0'));
      expect(saved.json().warnings).toEqual([]);
      const unchanged = await s.app.inject({
        method: 'POST',
        url: `/api/portals/${XIANTAN}/refresh`,
        headers: admin,
      });
      expect(unchanged.json()).toMatchObject({ version: 1, changed: false, etag: saved.json().etag });
      await portal.registry.yank(MACHINERY, '1.7.0', '界面错误');
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/portals/${XIANTAN}/refresh`,
        headers: admin,
      });
      expect(res.statusCode).toBe(200);
      // The snapshot now says the version is yanked, so its content and ETag change (browsers refetch).
      expect(res.json()).toMatchObject({ version: 1, changed: true });
      expect(res.json().etag).not.toBe(saved.json().etag);
      expect(res.json().warnings).toEqual([
        expect.objectContaining({ code: 'SHELL_WARN_YANKED', widget: MACHINERY }),
      ]);
      const current = await s.app.inject({ url: `/api/portals/${XIANTAN}`, headers: admin });
      expect(current.json().warnings).toHaveLength(1);
      const snap = await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` });
      expect(snap.headers.etag).toBe(res.json().etag);
      expect(snap.json().widgets[0]).toMatchObject({ version: '1.7.0', yanked: { reason: '界面错误' } });
      expect(await s.app.shell.portals.refreshAll({ warn: () => undefined })).toBe(0);
    });
  });
});
