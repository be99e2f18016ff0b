import { createPublicKey, verify } from 'node:crypto';
import { portalSnapshotSchema, signaturePayload } from '@cunmen/manifest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRegistry, type TestRegistry, tamperingFetch } from '../../test/registry.js';
import { admin, machineryConfig, startShell, type TestShell, WUSI, XIANTAN } from '../../test/shell.js';

const MACHINERY = '@deqing/find-machinery';
const WASTE = '@yiyuan/waste-pickup';
let registry: TestRegistry;
let pem: string;

beforeAll(async () => {
  registry = await startRegistry();
  await registry.release(MACHINERY, '1.0.0');
  await registry.release(WASTE, '1.0.0', {
    title: { 'zh-CN': '垃圾分类预约' },
    exposes: { './Tile': './src/tile.tsx' },
    contributes: [{ slot: 'village.home.tile/v1', expose: './Tile', title: { 'zh-CN': '垃圾预约' } }],
    configSchema: null,
    configDefaults: null,
    capabilities: ['form.submit'],
  });
  await registry.release(MACHINERY, '1.1.0', { shared: { react: '^18.2.0' } });
  await registry.release(MACHINERY, '1.2.0');
  await registry.yank(MACHINERY, '1.2.0', '预约时间计算错误');
  await registry.publish(MACHINERY, '1.3.0');
  await registry.release(MACHINERY, '1.4.0', { sdk: '^0.2.0', shared: { react: '^19.0.0' } });
  await registry.release(MACHINERY, '1.5.0');
  pem = (await (await fetch(`${registry.url}/-/cunmen/v1/keys`)).json()).keys[0].pem;
});

afterAll(async () => {
  await registry?.close();
});

async function withShell(fn: (s: TestShell) => Promise<void>, options = {}) {
  const shell = await startShell({
    registryUrl: registry.url,
    registryToken: registry.tokens.province,
    ...options,
  });
  try {
    await fn(shell);
  } finally {
    await shell.close();
  }
}

const put = (s: TestShell, body: unknown, village = XIANTAN) =>
  s.app.inject({ method: 'PUT', url: `/api/portals/${village}`, headers: admin, payload: body as object });

describe('saving a portal', () => {
  it('assembles a signed snapshot that validates and verifies, and serves it with an ETag', async () => {
    await withShell(async (s) => {
      const saved = await put(s, machineryConfig());
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ village: XIANTAN, version: 1, warnings: [] });

      const res = await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      const etag = res.headers.etag as string;
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
      expect(saved.json().etag).toBe(etag);
      const snapshot = portalSnapshotSchema.parse(res.json());
      expect(snapshot.village).toEqual({
        code: XIANTAN,
        name: '仙潭村',
        township: '莫干山镇',
        county: '德清县',
      });
      expect(snapshot.portalVersion).toBe(1);
      expect(snapshot.host.shared.react).toBe('19.3.1');
      const [w] = snapshot.widgets;
      expect(w).toMatchObject({
        name: MACHINERY,
        version: '1.0.0',
        kind: 'widget',
        capabilities: ['store.read'],
        config: { radiusKm: 5 },
        deprecated: null,
      });
      expect(w?.assetBase).toMatch(new RegExp(`^${registry.url}/-/assets/[0-9a-f]{64}/$`));
      expect(w?.remote.entry).toBe(`${w?.assetBase}remoteEntry.js`);
      expect(w?.remote.entryIntegrity).toBe(w?.assets['remoteEntry.js']);
      expect(w?.placements).toEqual([
        {
          slot: 'village.home.tile/v1',
          expose: './Tile',
          order: 100,
          title: { 'zh-CN': '找农机', en: 'Find machinery' },
          icon: 'tractor',
        },
        {
          slot: 'village.page/v1',
          expose: './Page',
          route: 'find-machinery',
          order: 100,
          title: { 'zh-CN': '找农机' },
        },
        { slot: 'village.nav/v1', route: 'find-machinery', order: 100, title: { 'zh-CN': '农机' } },
      ]);
      for (const widget of snapshot.widgets) {
        const payload = signaturePayload({
          name: widget.name,
          version: widget.version,
          assets: widget.assets,
          capabilities: widget.capabilities,
        });
        expect(
          verify(null, Buffer.from(payload), createPublicKey(pem), Buffer.from(widget.signature, 'base64')),
        ).toBe(true);
      }

      const again = await s.app.inject({
        url: `/api/portals/${XIANTAN}/snapshot`,
        headers: { 'if-none-match': etag },
      });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    });
  });

  it('assigns versions, rolls back without deleting, and lists the history', async () => {
    await withShell(async (s) => {
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

      const back = await s.app.inject({
        method: 'POST',
        url: `/api/portals/${XIANTAN}/rollback`,
        headers: admin,
        payload: { version: 1 },
      });
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

      const missing = await s.app.inject({
        method: 'POST',
        url: `/api/portals/${XIANTAN}/rollback`,
        headers: admin,
        payload: { version: 9 },
      });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('SHELL_ERR_UNKNOWN_VERSION');
    });
  });

  it('keeps a version yanked after adoption, with a warning, but refuses it as a new adoption', async () => {
    await registry.release(MACHINERY, '1.6.0');
    await withShell(async (s) => {
      expect((await put(s, machineryConfig('1.6.0'))).statusCode).toBe(200);
      await registry.yank(MACHINERY, '1.6.0', '数据泄露风险');
      const kept = await put(s, { ...machineryConfig('1.6.0'), theme: { primary: '#225522' } });
      expect(kept.statusCode).toBe(200);
      expect(kept.json().version).toBe(2);
      expect(kept.json().warnings).toEqual([
        expect.objectContaining({ code: 'SHELL_WARN_YANKED', widget: MACHINERY }),
      ]);
      const fresh = await put(s, machineryConfig('1.6.0'), WUSI);
      expect(fresh.statusCode).toBe(400);
      expect(fresh.json().code).toBe('SHELL_ERR_WIDGET_YANKED');
    });
  });

  it('refreshes a current portal: a version yanked since stays, warned, with the same ETag', async () => {
    await registry.release(MACHINERY, '1.7.0');
    await withShell(async (s) => {
      const saved = await put(s, machineryConfig('1.7.0'));
      expect(saved.json().warnings).toEqual([]);
      const unchanged = await s.app.inject({
        method: 'POST',
        url: `/api/portals/${XIANTAN}/refresh`,
        headers: admin,
      });
      expect(unchanged.json()).toMatchObject({ version: 1, changed: false, etag: saved.json().etag });
      await registry.yank(MACHINERY, '1.7.0', '界面错误');
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/portals/${XIANTAN}/refresh`,
        headers: admin,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ version: 1, changed: true, etag: saved.json().etag });
      expect(res.json().warnings).toEqual([
        expect.objectContaining({ code: 'SHELL_WARN_YANKED', widget: MACHINERY }),
      ]);
      const current = await s.app.inject({ url: `/api/portals/${XIANTAN}`, headers: admin });
      expect(current.json().warnings).toHaveLength(1);
      const snap = await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` });
      expect(snap.json().widgets[0].version).toBe('1.7.0');
      expect(await s.app.shell.portals.refreshAll({ warn: () => undefined })).toBe(0);
    });
  });

  it('saves a portal with no widgets, naming the province key', async () => {
    await withShell(async (s) => {
      expect((await put(s, { widgets: [], theme: { elderlyByDefault: true } }, WUSI)).statusCode).toBe(200);
      const snap = portalSnapshotSchema.parse(
        (await s.app.inject({ url: `/api/portals/${WUSI}/snapshot` })).json(),
      );
      expect(snap.widgets).toEqual([]);
      expect(snap.theme).toEqual({ elderlyByDefault: true });
      expect(snap.publicKey).toBe(
        createPublicKey(pem).export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64'),
      );
    });
  });

  it('reports usage to the registry after each assembly', async () => {
    await withShell(async (s) => {
      expect((await put(s, machineryConfig('1.5.0'), WUSI)).statusCode).toBe(200);
      expect(await s.app.shell.usage.flush()).toMatchObject({ failed: 0 });
      const usage = await registry.usage(MACHINERY);
      expect(usage.versions.find((v) => v.version === '1.5.0')?.villages).toBe(1);
      expect(await s.app.shell.storage.usage.pending()).toBe(0);
    });
  });
});

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
    message: /config\.colour: unknown field "colour"; config\.radiusKm: must be <= 50/,
    zh: /未知配置项 "colour"/,
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
      await withShell(
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
          expect(body.message.en).toBe(body.error);
          expect(body.message['zh-CN']).toMatch(r.zh);
          const after = await s.app.inject({ url: `/api/portals/${XIANTAN}/versions`, headers: admin });
          expect(after.json()).toMatchObject({ current: 1, versions: [{ version: 1 }] });
          expect((await s.app.inject({ url: `/api/portals/${XIANTAN}/snapshot` })).body).toBe(snapshotBefore);
        },
        { fetch },
      );
    });
  }

  it('refuses an unknown village, with no portal created', async () => {
    await withShell(async (s) => {
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
    await withShell(
      async (s) => {
        const res = await put(s, machineryConfig());
        expect(res.statusCode).toBe(400);
        expect(res.json()).toMatchObject({ code: 'SHELL_ERR_BAD_SIGNATURE', widget: MACHINERY });
        expect(res.json().error).toMatch(/does not trust \(not the pinned province key\)/);
        expect(await s.app.shell.storage.portals.currentVersion(XIANTAN)).toBeNull();
      },
      { provinceKeyPem: other },
    );
    await withShell(async (s) => expect((await put(s, machineryConfig())).statusCode).toBe(200), {
      provinceKeyPem: pem,
    });
  });

  it('answers 502 when the registry is unreachable, and keeps the current portal', async () => {
    await withShell(
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

describe('the admin API', () => {
  it('needs the operator token', async () => {
    await withShell(async (s) => {
      for (const headers of [{}, { authorization: 'Bearer wrong' }]) {
        const res = await s.app.inject({
          method: 'PUT',
          url: `/api/portals/${XIANTAN}`,
          headers,
          payload: {},
        });
        expect(res.statusCode).toBe(401);
        expect(res.json().code).toBe('SHELL_ERR_UNAUTHORIZED');
      }
      const list = await s.app.inject({ url: `/api/portals/${XIANTAN}/versions` });
      expect(list.statusCode).toBe(401);
    });
    await withShell(
      async (s) => {
        const res = await s.app.inject({
          method: 'PUT',
          url: `/api/portals/${XIANTAN}`,
          headers: admin,
          payload: {},
        });
        expect(res.json().error).toMatch(/admin API is disabled/);
      },
      { adminToken: undefined },
    );
  });

  it('answers bad JSON and bad rollback bodies with 4xx codes', async () => {
    await withShell(async (s) => {
      const badJson = await s.app.inject({
        method: 'PUT',
        url: `/api/portals/${XIANTAN}`,
        headers: { ...admin, 'content-type': 'application/json' },
        payload: '{"widgets": [',
      });
      expect(badJson.statusCode).toBe(400);
      expect(badJson.json().code).toBe('SHELL_ERR_BAD_REQUEST');
      const rollback = await s.app.inject({
        method: 'POST',
        url: `/api/portals/${XIANTAN}/rollback`,
        headers: admin,
        payload: { version: 'latest' },
      });
      expect(rollback.statusCode).toBe(400);
      expect(rollback.json()).toMatchObject({ code: 'SHELL_ERR_BAD_REQUEST', field: 'version' });
      const nowhere = await s.app.inject({ url: '/api/nothing' });
      expect(nowhere.statusCode).toBe(404);
      expect(nowhere.json().code).toBe('SHELL_ERR_NOT_FOUND');
    });
  });
});
