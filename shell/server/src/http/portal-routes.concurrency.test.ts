/**
 * Optimistic concurrency: a whole-portal save names the version it was edited from, a stale one is a 409
 * saying what changed and saves nothing, and two writers on one base never both land. A save that drops
 * a widget or a standard module says so.
 */
import { describe, expect, it } from 'vitest';
import {
  AFFAIRS,
  MACHINERY,
  registryForFile,
  WASTE,
  WASTE_1_0_0,
  widgetOp,
} from '../../test/portal-routes.js';
import { admin, machineryConfig, type TestShell, WUSI, XIANTAN } from '../../test/shell.js';

const portal = registryForFile([
  {
    name: AFFAIRS,
    version: '0.1.0',
    overrides: { title: { 'zh-CN': '三务公开', en: 'Affairs disclosure' } },
  },
  WASTE_1_0_0,
  { name: MACHINERY, version: '1.0.0' },
  { name: MACHINERY, version: '1.5.0' },
]);

const save = (s: TestShell, body: Record<string, unknown>, village = XIANTAN) =>
  s.app.inject({ method: 'PUT', url: `/api/portals/${village}`, headers: admin, payload: body });

const affairs = {
  name: AFFAIRS,
  version: '0.1.0',
  placements: [{ slot: 'village.home.tile/v1' }],
};
const waste = { name: WASTE, version: '1.0.0', placements: [{ slot: 'village.home.tile/v1' }] };

describe('the base version of a whole-portal save', () => {
  it('is optional (or 0) for the first portal and required after it', async () => {
    await portal.withShell(async (s) => {
      expect((await save(s, { widgets: [affairs] })).statusCode).toBe(200);
      expect((await save(s, { widgets: [], baseVersion: 0 }, WUSI)).statusCode).toBe(200);
      const missing = await save(s, { widgets: [affairs, waste] });
      expect(missing.statusCode).toBe(400);
      expect(missing.json()).toMatchObject({
        code: 'SHELL_ERR_BASE_VERSION_REQUIRED',
        field: 'baseVersion',
        message:
          'baseVersion：本村门户当前为第 1 版，请注明您的修改依据哪一版（命令行用 --base），以免覆盖他人较新的修改',
      });
      const bad = await save(s, { widgets: [affairs], baseVersion: 'latest' });
      expect([bad.statusCode, bad.json().code, bad.json().field]).toEqual([
        400,
        'SHELL_ERR_BAD_REQUEST',
        'baseVersion',
      ]);
      expect(await s.app.shell.storage.portals.currentVersion(XIANTAN)).toBe(1);
      expect((await save(s, { widgets: [affairs, waste], baseVersion: 1 })).json().version).toBe(2);
    });
  });

  it('refuses a stale base with what changed since, and saves nothing', async () => {
    await portal.withShell(async (s) => {
      await save(s, { widgets: [affairs, machineryConfig().widgets[0]] });
      await save(s, { widgets: [affairs, waste, machineryConfig('1.5.0').widgets[0]], baseVersion: 1 });
      await save(s, {
        widgets: [waste, machineryConfig('1.5.0').widgets[0]],
        theme: { primary: '#225522' },
        baseVersion: 2,
      });
      const before = (await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).body;
      const stale = await save(s, { widgets: [affairs], baseVersion: 1 });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({
        code: 'SHELL_ERR_PORTAL_STALE',
        field: 'baseVersion',
        error: `the portal of ${XIANTAN} changed since version 1 (current: 3; added ${WASTE}@1.0.0; removed ${AFFAIRS}@0.1.0; changed ${MACHINERY}; portal settings theme); reload it and apply your edit again — nothing was saved`,
        message: `本村门户在第 1 版之后已被修改（当前为第 3 版；新增 ${WASTE}@1.0.0；移除 ${AFFAIRS}@0.1.0；修改 ${MACHINERY}；门户设置 theme），请重新加载后再修改，本次未保存`,
        changes: {
          base: 1,
          current: 3,
          versions: [2, 3],
          added: [`${WASTE}@1.0.0`],
          removed: [`${AFFAIRS}@0.1.0`],
          changed: [{ name: MACHINERY, what: ['version'] }],
          portal: ['theme'],
        },
      });
      expect(await s.app.shell.storage.portals.currentVersion(XIANTAN)).toBe(3);
      expect((await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).body).toBe(before);
    });
  });

  it('lets exactly one of two saves on the same base win', async () => {
    await portal.withShell(async (s) => {
      await save(s, { widgets: [affairs] });
      const answers = await Promise.all([
        save(s, { widgets: [affairs, waste], baseVersion: 1 }),
        save(s, { widgets: [affairs, machineryConfig().widgets[0]], baseVersion: 1 }),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const versions = (
        await s.app.inject({ url: `/api/portals/${XIANTAN}/versions`, headers: admin })
      ).json();
      expect(versions.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
      const loser = answers.find((a) => a.statusCode === 409)?.json();
      expect(loser.changes).toMatchObject({ base: 1, current: 2, versions: [2] });
    });
  });

  it('refuses a one-widget operation on a stale base, but lands concurrent ones without a base', async () => {
    await portal.withShell(async (s) => {
      await save(s, { widgets: [affairs] });
      const sameBase = await Promise.all([
        widgetOp(s, 'POST', '/widgets', { name: WASTE, baseVersion: 1 }),
        widgetOp(s, 'POST', '/widgets', { name: MACHINERY, baseVersion: 1 }),
      ]);
      expect(sameBase.map((a) => a.statusCode).sort()).toEqual([200, 409]);
      const won = sameBase.find((a) => a.statusCode === 200)?.json().version;
      expect(won).toBe(2);
      await widgetOp(s, 'DELETE', `/widgets/${encodeURIComponent(WASTE)}`);
      await widgetOp(s, 'DELETE', `/widgets/${encodeURIComponent(MACHINERY)}`);
      const both = await Promise.all([
        widgetOp(s, 'POST', '/widgets', { name: WASTE }),
        widgetOp(s, 'POST', '/widgets', { name: MACHINERY }),
      ]);
      expect(both.map((a) => a.statusCode)).toEqual([200, 200]);
      const current = (await s.app.inject({ url: `/api/portals/${XIANTAN}`, headers: admin })).json();
      expect(current.config.widgets.map((w: { name: string }) => w.name).sort()).toEqual([
        AFFAIRS,
        MACHINERY,
        WASTE,
      ]);
    });
  });
});

describe('a save that drops what the portal had', () => {
  it('warns in Chinese and English, naming each widget and standard module', async () => {
    await portal.withShell(async (s) => {
      await save(s, { widgets: [affairs, waste, machineryConfig().widgets[0]] });
      const res = await save(s, { widgets: [machineryConfig().widgets[0]], baseVersion: 1 });
      expect(res.statusCode).toBe(200);
      expect(res.json().warnings).toEqual([
        {
          code: 'SHELL_WARN_STANDARD_MODULE_REMOVED',
          widget: AFFAIRS,
          en: `this write removes the standard module Affairs disclosure (${AFFAIRS}) from the portal; residents no longer see it`,
          zh: `本次修改移除了标准模块“三务公开”（${AFFAIRS}），村民将看不到它`,
        },
        {
          code: 'SHELL_WARN_WIDGET_REMOVED',
          widget: WASTE,
          en: `this write removes 垃圾分类预约 (${WASTE}) from the portal`,
          zh: `本次修改从门户中移除了“垃圾分类预约”（${WASTE}）`,
        },
      ]);
      // The warning is the write's, not the portal's: reading the portal shows none.
      expect(
        (await s.app.inject({ url: `/api/portals/${XIANTAN}`, headers: admin })).json().warnings,
      ).toEqual([]);
    });
  });
});
