/** Every refused save names the widget and the field, and changes nothing. */
import { describe, expect, it } from 'vitest';
import { MACHINERY, put, registryForFile, WASTE, WASTE_1_0_0 } from '../../test/portal-routes.js';
import { tamperingFetch } from '../../test/registry.js';
import { admin, machineryConfig, WUSI, XIANTAN } from '../../test/shell.js';

const portal = registryForFile([
  { name: MACHINERY, version: '1.0.0' },
  WASTE_1_0_0,
  { name: MACHINERY, version: '1.1.0', overrides: { shared: { react: '^18.2.0' } } },
  { name: MACHINERY, version: '1.2.0', yank: '预约时间计算错误' },
  { name: MACHINERY, version: '1.3.0', pending: true },
  { name: MACHINERY, version: '1.4.0', overrides: { sdk: '^0.2.0', shared: { react: '^19.0.0' } } },
  { name: MACHINERY, version: '1.5.0' },
]);

interface Refusal {
  name: string;
  body: unknown;
  status: number;
  code: string;
  field: string;
  widget?: string;
  message: RegExp;
  zh: RegExp;
  tamper?: (url: string, body: unknown) => unknown;
}

const refusals: Refusal[] = [
  {
    name: 'an invalid config',
    body: { widgets: [{ name: 'find-machinery', version: '1', placements: [] }] },
    status: 400,
    code: 'SHELL_ERR_INVALID_CONFIG',
    field: 'widgets[0].name',
    message: /widgets\[0\]\.name: invalid .*widgets\[0\]\.version/s,
    zh: /widgets\[0\]\.name：格式不正确/,
  },
  {
    name: 'a version field',
    body: { ...machineryConfig(), version: 3 },
    status: 400,
    code: 'SHELL_ERR_INVALID_CONFIG',
    field: 'version',
    message: /the server assigns the version/,
    zh: /版本号由服务器分配/,
  },
  {
    name: 'a widget version that is not approved',
    body: machineryConfig('1.3.0'),
    status: 400,
    code: 'SHELL_ERR_WIDGET_NOT_APPROVED',
    field: 'widgets[0].version',
    widget: MACHINERY,
    message: /^widgets\[0\]\.version @deqing\/find-machinery@1\.3\.0: the registry has no approved release/,
    zh: /没有该版本的已审核发布/,
  },
  {
    name: 'a release whose asset hash was changed (bad signature)',
    body: machineryConfig(),
    status: 400,
    code: 'SHELL_ERR_BAD_SIGNATURE',
    field: 'widgets[0].version',
    widget: MACHINERY,
    message: /province signature does not match/,
    zh: /签名与其资源和权限不符/,
    tamper: (url, body) => {
      if (!url.includes('/releases/')) return body;
      const r = body as { assets: Record<string, string> };
      return { ...r, assets: { ...r.assets, 'chunk.1a2b3c4d.js': `sha384-${'A'.repeat(64)}` } };
    },
  },
  {
    name: 'a release with an extra capability',
    body: machineryConfig(),
    status: 400,
    code: 'SHELL_ERR_BAD_SIGNATURE',
    field: 'widgets[0].version',
    widget: MACHINERY,
    message: /province signature does not match/,
    zh: /签名/,
    tamper: (url, body) =>
      url.includes('/releases/') ? { ...(body as object), capabilities: ['store.read', 'user.read'] } : body,
  },
  {
    name: 'a remote entry outside the signed assets',
    body: machineryConfig(),
    status: 400,
    code: 'SHELL_ERR_BAD_SIGNATURE',
    field: 'widgets[0].version',
    widget: MACHINERY,
    message: /remote entry is not one of the signed assets/,
    zh: /远程入口/,
    tamper: (url, body) => {
      if (!url.includes('/releases/')) return body;
      const r = body as { remote: Record<string, string> };
      return { ...r, remote: { ...r.remote, entry: 'https://evil.example/x/remoteEntry.js' } };
    },
  },
  {
    name: 'a version yanked before adoption',
    body: machineryConfig('1.2.0'),
    status: 400,
    code: 'SHELL_ERR_WIDGET_YANKED',
    field: 'widgets[0].version',
    widget: MACHINERY,
    message: /was yanked \(预约时间计算错误\)/,
    zh: /已被撤销/,
  },
  {
    name: 'an SDK range the host does not satisfy',
    body: machineryConfig('1.4.0'),
    status: 409,
    code: 'SHELL_ERR_SDK_CONFLICT',
    field: 'widgets[0].version',
    widget: MACHINERY,
    message: /needs SDK \^0\.2\.0 but this shell provides @cunmen\/sdk 0\.1\.0/,
    zh: /需要 SDK \^0\.2\.0/,
  },
  {
    name: 'a shared singleton conflict',
    body: machineryConfig('1.1.0'),
    status: 409,
    code: 'SHELL_ERR_SHARED_CONFLICT',
    field: 'widgets[0].version',
    widget: MACHINERY,
    message: /needs shared react \^18\.2\.0 but the shell provides one copy, 19\.3\.1/,
    zh: /共享依赖 react/,
  },
  {
    name: 'a slot the widget does not contribute to',
    body: {
      widgets: [{ name: WASTE, version: '1.0.0', placements: [{ slot: 'village.page/v1', route: 'waste' }] }],
    },
    status: 400,
    code: 'SHELL_ERR_UNKNOWN_SLOT',
    field: 'widgets[0].placements[0].slot',
    widget: WASTE,
    message: /contributes nothing to village\.page\/v1 \(it contributes to village\.home\.tile\/v1\)/,
    zh: /没有为插槽 village\.page\/v1 提供内容/,
  },
  {
    name: 'an expose the widget does not have for that slot',
    body: {
      widgets: [
        {
          name: MACHINERY,
          version: '1.0.0',
          placements: [{ slot: 'village.home.tile/v1', expose: './Page' }],
        },
      ],
    },
    status: 400,
    code: 'SHELL_ERR_UNKNOWN_EXPOSE',
    field: 'widgets[0].placements[0].expose',
    widget: MACHINERY,
    message: /exposes no "\.\/Page" for village\.home\.tile\/v1 \(it has \.\/Tile\)/,
    zh: /没有为 village\.home\.tile\/v1 暴露/,
  },
  {
    name: 'a route the widget does not have',
    body: {
      widgets: [
        { name: MACHINERY, version: '1.0.0', placements: [{ slot: 'village.page/v1', route: 'tractors' }] },
      ],
    },
    status: 400,
    code: 'SHELL_ERR_UNKNOWN_ROUTE',
    field: 'widgets[0].placements[0].route',
    widget: MACHINERY,
    message: /has no route "tractors"/,
    zh: /没有路由 "tractors"/,
  },
  {
    name: 'a config that does not fit the widget schema',
    body: machineryConfig('1.0.0', {
      widgets: [{ ...machineryConfig().widgets[0], config: { radiusKm: 500, colour: 'red' } }],
    }),
    status: 400,
    code: 'SHELL_ERR_WIDGET_CONFIG_INVALID',
    field: 'widgets[0].config.colour',
    widget: MACHINERY,
    message: /2 problems: colour: unknown field \(allowed: radiusKm, greeting\); radiusKm: must be <= 50$/,
    zh: /的配置有 2 处需要修改：colour：没有这个配置项，请删除它（可填写的配置项：radiusKm、greeting）；radiusKm：不能大于 50$/,
  },
  {
    name: 'config for a widget that takes none',
    body: {
      widgets: [
        { name: WASTE, version: '1.0.0', config: { x: 1 }, placements: [{ slot: 'village.home.tile/v1' }] },
      ],
    },
    status: 400,
    code: 'SHELL_ERR_WIDGET_CONFIG_INVALID',
    field: 'widgets[0].config',
    widget: WASTE,
    message: /takes no config/,
    zh: /没有配置项/,
  },
];

describe('refusals change nothing', () => {
  for (const r of refusals) {
    it(`refuses ${r.name}`, async () => {
      let tampering = false;
      const fetch = tamperingFetch((url, body) => (tampering && r.tamper ? r.tamper(url, body) : body));
      await portal.withShell(
        async (s) => {
          const before = await put(s, machineryConfig('1.5.0'));
          expect(before.statusCode).toBe(200);
          const snapshotBefore = (await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).body;
          tampering = true;
          const res = await put(s, r.body);
          expect(res.statusCode).toBe(r.status);
          const body = res.json();
          expect(body.code).toBe(r.code);
          expect(body.field).toBe(r.field);
          expect(body.widget).toBe(r.widget);
          expect(body.error).toMatch(r.message);
          expect(body.message).toMatch(r.zh);
          const after = await s.app.inject({ url: `/api/portals/${XIANTAN}/versions`, headers: admin });
          expect(after.json()).toMatchObject({ current: 1, versions: [{ version: 1 }] });
          expect((await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).body).toBe(snapshotBefore);
        },
        { fetch },
      );
    });
  }

  it('refuses an unknown village, with no portal created', async () => {
    await portal.withShell(async (s) => {
      for (const village of ['330521107299', '12345']) {
        const res = await put(s, machineryConfig(), village);
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ code: 'SHELL_ERR_UNKNOWN_VILLAGE', field: 'village' });
      }
      const snap = await s.app.inject({ url: '/api/portals/330521107299/snapshot' });
      expect(snap.json().code).toBe('SHELL_ERR_UNKNOWN_VILLAGE');
      const none = await s.app.inject({ url: `/api/portals/${WUSI}/snapshot` });
      expect(none.statusCode).toBe(404);
      expect(none.json().code).toBe('SHELL_ERR_NO_PORTAL');
    });
  });

  it('refuses a pinned key that did not sign the release', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    await portal.withShell(
      async (s) => {
        const res = await put(s, machineryConfig());
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'SHELL_ERR_BAD_SIGNATURE', widget: MACHINERY });
        expect(res.json().error).toMatch(/does not trust \(not the pinned province key\)/);
        expect(await s.app.shell.storage.portals.currentVersion(XIANTAN)).toBeNull();
      },
      { provinceKeyPem: other },
    );
    await portal.withShell(async (s) => expect((await put(s, machineryConfig())).statusCode).toBe(200), {
      provinceKeyPem: portal.pem,
    });
  });

  it('answers 502 when the registry is unreachable, and keeps the current portal', async () => {
    await portal.withShell(
      async (s) => {
        const res = await put(s, machineryConfig());
        expect(res.statusCode).toBe(502);
        expect(res.json().code).toBe('SHELL_ERR_REGISTRY_UNAVAILABLE');
        expect(await s.app.shell.storage.portals.currentVersion(XIANTAN)).toBeNull();
      },
      { registryUrl: 'http://127.0.0.1:9', registryTimeoutMs: 500 },
    );
  });
});
