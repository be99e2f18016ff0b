/** One-widget operations: each changes one widget of the current portal and keeps every other in place. */
import { describe, expect, it } from 'vitest';
import {
  AFFAIRS,
  MACHINERY,
  placementsOf,
  put,
  registryForFile,
  slotOrder,
  WASTE,
  WASTE_1_0_0,
  widgetOp,
} from '../../test/portal-routes.js';
import { admin, type TestShell, XIANTAN } from '../../test/shell.js';

const portal = registryForFile([
  {
    name: AFFAIRS,
    version: '0.1.0',
    overrides: { title: { 'zh-CN': '三务公开', en: 'Affairs disclosure' } },
  },
  WASTE_1_0_0,
  { name: MACHINERY, version: '1.0.0' },
  { name: MACHINERY, version: '1.5.0' },
  { name: MACHINERY, version: '1.6.0', yank: '数据泄露风险' },
  { name: MACHINERY, version: '1.7.0', overrides: { sdk: '^0.2.0' } },
  { name: MACHINERY, version: '2.0.0-beta.1' },
]);

/** 仙潭村 with 三务公开 and 垃圾分类预约, as the demo seeds it (version 1). */
async function seeded(s: TestShell) {
  const res = await put(s, {
    widgets: [
      {
        name: AFFAIRS,
        version: '0.1.0',
        placements: [
          { slot: 'village.home.tile/v1' },
          { slot: 'village.page/v1', route: 'affairs-disclosure' },
          { slot: 'village.nav/v1', route: 'affairs-disclosure' },
        ],
      },
      { name: WASTE, version: '1.0.0', placements: [{ slot: 'village.home.tile/v1' }] },
    ],
  });
  expect(res.statusCode).toBe(200);
}

const configOf = async (s: TestShell) =>
  (await s.app.inject({ url: `/api/portals/${XIANTAN}`, headers: admin })).json();

describe('adding one widget', () => {
  it('adds find-machinery at its newest approved, compatible version and keeps every other widget', async () => {
    await portal.withShell(async (s) => {
      await seeded(s);
      const res = await widgetOp(s, 'POST', '/widgets', { name: MACHINERY });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ village: XIANTAN, version: 2, etag: expect.any(String), warnings: [] });
      const current = await configOf(s);
      expect(
        current.config.widgets.map((w: { name: string; version: string }) => `${w.name}@${w.version}`),
      ).toEqual([`${AFFAIRS}@0.1.0`, `${WASTE}@1.0.0`, `${MACHINERY}@1.5.0`]);
      expect(placementsOf(current.config, MACHINERY)).toEqual([
        { slot: 'village.home.tile/v1', expose: './Tile', order: 110 },
        { slot: 'village.page/v1', expose: './Page', route: 'find-machinery', order: 100 },
        { slot: 'village.nav/v1', route: 'find-machinery', order: 110 },
      ]);
      expect(slotOrder(current.config, 'village.home.tile/v1')).toEqual([AFFAIRS, WASTE, MACHINERY]);
      const snapshot = (await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).json();
      expect(snapshot.widgets.map((w: { name: string }) => w.name)).toEqual([AFFAIRS, WASTE, MACHINERY]);
      const audit = await s.app.shell.storage.audit.list({ after: 0, limit: 10 });
      expect(audit.at(-1)).toMatchObject({
        action: 'portal.widget.add',
        subject: `village:${XIANTAN}`,
        detail: { version: 2, widget: MACHINERY },
      });
    });
  });

  it.each([
    ['an exact version', { version: '1.0.0' }, '1.0.0'],
    ['a range', { version: '~1.0.0' }, '1.0.0'],
    ['latest', { version: 'latest' }, '1.5.0'],
    ['a pre-release range', { version: '>=2.0.0-beta.0' }, '2.0.0-beta.1'],
  ])('resolves %s', async (_name, body, version) => {
    await portal.withShell(async (s) => {
      const res = await widgetOp(s, 'POST', '/widgets', { name: MACHINERY, ...body, tile: false });
      expect(res.statusCode).toBe(200);
      const { config } = await configOf(s);
      expect(config.widgets[0].version).toBe(version);
      expect(slotOrder(config, 'village.home.tile/v1')).toEqual([]);
    });
  });

  it('places a chosen route, a position and a config, and can leave out the navigation entry', async () => {
    await portal.withShell(async (s) => {
      await seeded(s);
      const res = await widgetOp(s, 'POST', '/widgets', {
        name: MACHINERY,
        config: { radiusKm: 20 },
        route: 'find-machinery',
        nav: false,
        position: 1,
        baseVersion: 1,
      });
      expect(res.statusCode).toBe(200);
      const { config } = await configOf(s);
      expect(slotOrder(config, 'village.home.tile/v1')).toEqual([MACHINERY, AFFAIRS, WASTE]);
      expect(slotOrder(config, 'village.nav/v1')).toEqual([AFFAIRS]);
      expect(config.widgets[2].config).toEqual({ radiusKm: 20 });
    });
  });
});

describe('removing, moving and configuring one widget', () => {
  it('removes a widget by its encoded or plain name and says what it removed', async () => {
    await portal.withShell(async (s) => {
      await seeded(s);
      const encoded = await widgetOp(s, 'DELETE', `/widgets/${encodeURIComponent(WASTE)}`);
      expect(encoded.statusCode).toBe(200);
      expect(encoded.json().warnings).toEqual([
        {
          code: 'SHELL_WARN_WIDGET_REMOVED',
          widget: WASTE,
          en: `this write removes 垃圾分类预约 (${WASTE}) from the portal`,
          zh: `本次修改从门户中移除了“垃圾分类预约”（${WASTE}）`,
        },
      ]);
      const plain = await widgetOp(s, 'DELETE', `/widgets/${AFFAIRS}?baseVersion=2`);
      expect(plain.statusCode).toBe(200);
      expect(plain.json().warnings).toEqual([
        {
          code: 'SHELL_WARN_STANDARD_MODULE_REMOVED',
          widget: AFFAIRS,
          en: `this write removes the standard module Affairs disclosure (${AFFAIRS}) from the portal; residents no longer see it`,
          zh: `本次修改移除了标准模块“三务公开”（${AFFAIRS}），村民将看不到它`,
        },
      ]);
      expect((await configOf(s)).config.widgets).toEqual([]);
    });
  });

  it('moves a widget among the home tiles and the navigation entries', async () => {
    await portal.withShell(async (s) => {
      await seeded(s);
      expect((await widgetOp(s, 'POST', '/widgets', { name: MACHINERY })).statusCode).toBe(200);
      const tiles = async () => slotOrder((await configOf(s)).config, 'village.home.tile/v1');
      expect((await widgetOp(s, 'POST', `/widgets/${MACHINERY}/move`, { to: 1 })).statusCode).toBe(200);
      expect(await tiles()).toEqual([MACHINERY, AFFAIRS, WASTE]);
      expect(slotOrder((await configOf(s)).config, 'village.nav/v1')).toEqual([MACHINERY, AFFAIRS]);
      const after = await widgetOp(s, 'POST', `/widgets/${encodeURIComponent(MACHINERY)}/move`, {
        after: WASTE,
      });
      expect(after.statusCode).toBe(200);
      expect(await tiles()).toEqual([AFFAIRS, WASTE, MACHINERY]);
      await widgetOp(s, 'POST', `/widgets/${WASTE}/move`, {
        before: AFFAIRS,
        slots: ['village.home.tile/v1'],
      });
      expect(await tiles()).toEqual([WASTE, AFFAIRS, MACHINERY]);
      await widgetOp(s, 'POST', `/widgets/${MACHINERY}/move`, { to: 99 });
      expect(await tiles()).toEqual([WASTE, AFFAIRS, MACHINERY]);
    });
  });

  it('configures one widget: single keys, a whole config, removed keys, another version', async () => {
    await portal.withShell(async (s) => {
      await widgetOp(s, 'POST', '/widgets', { name: MACHINERY, config: { greeting: '你好' } });
      const path = `/widgets/${encodeURIComponent(MACHINERY)}`;
      const widget = async () => (await configOf(s)).config.widgets[0];
      expect((await widgetOp(s, 'PATCH', path, { set: { radiusKm: 7 } })).statusCode).toBe(200);
      expect((await widget()).config).toEqual({ greeting: '你好', radiusKm: 7 });
      await widgetOp(s, 'PATCH', path, { unset: ['greeting'] });
      expect((await widget()).config).toEqual({ radiusKm: 7 });
      await widgetOp(s, 'PATCH', path, { config: { greeting: '欢迎' }, version: '1.0.0' });
      expect(await widget()).toMatchObject({ version: '1.0.0', config: { greeting: '欢迎' } });
      const snapshot = (await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).json();
      expect(snapshot.widgets[0].config).toEqual({ radiusKm: 10, greeting: '欢迎' });
    });
  });
});

interface Refusal {
  name: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: Record<string, unknown>;
  status: number;
  code: string;
  field: string;
  message: string;
}

const refusals: Refusal[] = [
  {
    name: 'a widget already in the portal',
    method: 'POST',
    path: '/widgets',
    body: { name: WASTE },
    status: 409,
    code: 'SHELL_ERR_WIDGET_ALREADY_IN_PORTAL',
    field: 'name',
    message: `name：门户中已有组件 ${WASTE}，如需修改请用“修改配置”（portal configure）`,
  },
  {
    name: 'a range no version matches',
    method: 'POST',
    path: '/widgets',
    body: { name: MACHINERY, version: '^3.0.0' },
    status: 400,
    code: 'SHELL_ERR_NO_MATCHING_VERSION',
    field: 'version',
    message: `version：组件仓库中没有 ${MACHINERY} 符合 ^3.0.0、已审核、未撤销且适用于本平台的版本`,
  },
  {
    name: 'a widget the registry does not have',
    method: 'POST',
    path: '/widgets',
    body: { name: '@deqing/nothing' },
    status: 400,
    code: 'SHELL_ERR_NO_MATCHING_VERSION',
    field: 'version',
    message: 'version：组件仓库中没有 @deqing/nothing 的已审核版本',
  },
  {
    name: 'a route the widget has no page for',
    method: 'POST',
    path: '/widgets',
    body: { name: MACHINERY, route: 'tractors' },
    status: 400,
    code: 'SHELL_ERR_UNKNOWN_ROUTE',
    field: 'route',
    message: `route：组件 ${MACHINERY} 没有页面 "tractors"（已有：find-machinery）`,
  },
  {
    name: 'an unknown config key',
    method: 'POST',
    path: '/widgets',
    body: { name: MACHINERY, config: { color: 'red' } },
    status: 400,
    code: 'SHELL_ERR_WIDGET_CONFIG_INVALID',
    field: 'widgets[2].config.color',
    message: `组件“找农机”（${MACHINERY}@1.5.0）的配置有 1 处需要修改：color：没有这个配置项，请删除它（可填写的配置项：radiusKm、greeting）`,
  },
  {
    name: 'a key set on a widget that takes no config',
    method: 'PATCH',
    path: `/widgets/${WASTE}`,
    body: { set: { radiusKm: 5 } },
    status: 400,
    code: 'SHELL_ERR_WIDGET_CONFIG_INVALID',
    field: 'widgets[1].config',
    message: `widgets[1].config ${WASTE}@1.0.0：该组件没有配置项，"config" 应为空`,
  },
  {
    name: 'a move with two targets',
    method: 'POST',
    path: `/widgets/${WASTE}/move`,
    body: { to: 1, before: AFFAIRS },
    status: 400,
    code: 'SHELL_ERR_BAD_REQUEST',
    field: '(body)',
    message: '请在 to（位置，1 为第一个）、before、after 中选且只选一项',
  },
  {
    name: 'a configure with nothing to change',
    method: 'PATCH',
    path: `/widgets/${WASTE}`,
    body: {},
    status: 400,
    code: 'SHELL_ERR_BAD_REQUEST',
    field: '(body)',
    message: '没有要修改的内容：请填写 config、set、unset、placements 或 version',
  },
  {
    name: 'a widget the portal does not have',
    method: 'DELETE',
    path: `/widgets/${MACHINERY}`,
    status: 404,
    code: 'SHELL_ERR_WIDGET_NOT_IN_PORTAL',
    field: 'name',
    message: `name：本村门户中没有组件 ${MACHINERY}`,
  },
  {
    name: 'a name that is no package name',
    method: 'DELETE',
    path: '/widgets/find-machinery',
    status: 400,
    code: 'SHELL_ERR_BAD_REQUEST',
    field: 'name',
    message: 'name："find-machinery" 不是组件包名，例如 @deqing/find-machinery',
  },
  {
    name: 'a stale base version',
    method: 'PATCH',
    path: `/widgets/${WASTE}`,
    body: { placements: [{ slot: 'village.home.tile/v1', order: 1 }], baseVersion: 0 },
    status: 409,
    code: 'SHELL_ERR_PORTAL_STALE',
    field: 'baseVersion',
    message: `本村门户在第 0 版之后已被修改（当前为第 1 版；新增 ${AFFAIRS}@0.1.0、${WASTE}@1.0.0），请重新加载后再修改，本次未保存`,
  },
];

describe('refused one-widget operations change nothing', () => {
  it.each(refusals)('refuses $name', async (r) => {
    await portal.withShell(async (s) => {
      await seeded(s);
      const before = (await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).body;
      const res = await widgetOp(s, r.method, r.path, r.body);
      expect([res.statusCode, res.json().code, res.json().field]).toEqual([r.status, r.code, r.field]);
      expect(res.json().message).toBe(r.message);
      expect(await s.app.shell.storage.portals.currentVersion(XIANTAN)).toBe(1);
      expect((await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).body).toBe(before);
    });
  });

  it('needs the operator token or an editor session', async () => {
    await portal.withShell(async (s) => {
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/portals/${XIANTAN}/widgets`,
        payload: { name: WASTE },
      });
      expect([res.statusCode, res.json().code]).toEqual([401, 'SHELL_ERR_UNAUTHORIZED']);
    });
  });
});
