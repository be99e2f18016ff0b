/**
 * The composer's draft on the console origin: edits are kept as a draft only once they pass every check
 * a publication makes (nothing kept otherwise), residents see nothing until it is published, publishing
 * is a save based on the draft's version (409 with the changes when the portal moved on), and a cadre
 * of another village is refused. The preview page is a page of the cadre frame's origin, framed by the
 * console alone; the console's own origin never serves it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_INDEX, type ConsoleShell, signInOn, startConsoleShell } from '../../test/console.js';
import { put } from '../../test/portal-routes.js';
import { startRegistry, type TestRegistry } from '../../test/registry.js';
import { admin, WUSI, XIANTAN } from '../../test/shell.js';

const MACHINERY = '@deqing/find-machinery';
const PREVIEW_HTML = '<!doctype html><html><head><title>预览</title></head><body></body></html>';

let registry: TestRegistry;
let shell: ConsoleShell;
let dist: Awaited<ReturnType<typeof makeTempDir>>;

beforeAll(async () => {
  registry = await startRegistry();
  await registry.release(MACHINERY, '1.0.0');
  await registry.release(MACHINERY, '1.5.0');
  dist = await makeTempDir('cunmen-composer-dist-');
  mkdirSync(dist.path, { recursive: true });
  writeFileSync(join(dist.path, 'index.html'), CONSOLE_INDEX);
  writeFileSync(join(dist.path, 'preview.html'), PREVIEW_HTML);
}, 60_000);
afterAll(async () => {
  await registry?.close();
  await dist?.remove();
});
afterEach(async () => shell?.close());

async function cadre() {
  shell = await startConsoleShell('http://localhost:9090', {
    registryUrl: registry.url,
    registryToken: registry.tokens.province,
    console: { url: 'http://localhost:9090', dist: dist.path, frame: { url: 'http://localhost:9091' } },
  });
  const { cookie, csrf } = await signInOn(shell.console, 'xt-cadre');
  const call = (
    method: 'GET' | 'PUT' | 'POST' | 'DELETE',
    path: string,
    payload?: object,
    village = XIANTAN,
  ) =>
    shell.console.inject({
      method,
      url: `/api/console/v1/portals/${village}${path}`,
      headers: { cookie, 'x-csrf-token': csrf },
      ...(payload ? { payload } : {}),
    });
  return { call };
}

const published = () => shell.app.shell.storage.portals.currentVersion(XIANTAN);

describe('the composer draft', () => {
  it('adds a service to a draft residents do not see, previews it and publishes it', async () => {
    const { call } = await cadre();
    const empty = await call('GET', '/composer');
    expect(empty.statusCode).toBe(200);
    expect(empty.json()).toMatchObject({
      published: null,
      draft: null,
      baseVersion: 0,
      config: { widgets: [] },
    });

    const added = await call('POST', '/draft/widgets', { name: MACHINERY });
    expect(added.statusCode).toBe(200);
    const view = added.json();
    expect(view.draft).toMatchObject({ baseVersion: 0, updatedBy: 'xt-cadre' });
    expect(view.config.widgets).toEqual([
      expect.objectContaining({ name: MACHINERY, version: '1.5.0', config: {} }),
    ]);
    expect(view.services[MACHINERY]).toMatchObject({
      title: { 'zh-CN': '找农机' },
      configSchema: { properties: { radiusKm: { maximum: 50 } } },
      configDefaults: { radiusKm: 10 },
    });
    expect(await published()).toBeNull();

    const preview = await call('GET', '/draft/snapshot');
    expect(preview.statusCode).toBe(200);
    expect(preview.json().widgets.map((w: { name: string }) => w.name)).toEqual([MACHINERY]);

    const done = await call('POST', '/draft/publish');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ village: XIANTAN, version: 1 });
    expect(await published()).toBe(1);
    expect((await call('GET', '/composer')).json()).toMatchObject({
      published: 1,
      draft: null,
      baseVersion: 1,
    });
    const version = await call('GET', '/versions/1');
    expect(version.json().config.widgets[0]).toMatchObject({ name: MACHINERY, version: '1.5.0' });
  });

  it('keeps nothing when the draft fails a check, and says what is wrong on its field in Chinese', async () => {
    const { call } = await cadre();
    const view = (await call('POST', '/draft/widgets', { name: MACHINERY })).json();
    const bad = structuredClone(view.config);
    bad.widgets[0].config = { radiusKm: 99, color: 'red' };
    const res = await call('PUT', '/draft', { baseVersion: 0, config: bad });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'SHELL_ERR_WIDGET_CONFIG_INVALID',
      problems: [
        { field: 'widgets[0].config.color', message: expect.stringContaining('没有这个配置项') },
        { field: 'widgets[0].config.radiusKm', message: expect.stringContaining('不能大于 50') },
      ],
    });
    const after = (await call('GET', '/composer')).json();
    expect(after.config).toEqual(view.config);
    expect(after.draft.updatedAt).toBe(view.draft.updatedAt);
  });

  it('refuses to publish over a portal changed since the draft began, with the changes; discarding reloads it', async () => {
    const { call } = await cadre();
    await call('POST', '/draft/widgets', { name: MACHINERY });
    expect((await call('POST', '/draft/publish')).statusCode).toBe(200);
    const draft = (await call('GET', '/composer')).json();
    const edited = structuredClone(draft.config);
    edited.widgets[0].config = { radiusKm: 3 };
    expect((await call('PUT', '/draft', { baseVersion: 1, config: edited })).statusCode).toBe(200);
    // Meanwhile someone saves version 2 through the admin API.
    const other = structuredClone(draft.config);
    other.widgets[0].config = { radiusKm: 20 };
    expect((await put(shell, other)).statusCode).toBe(200);

    const stale = await call('POST', '/draft/publish');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'SHELL_ERR_PORTAL_STALE',
      changes: { base: 1, current: 2, changed: [{ name: MACHINERY, what: ['config'] }] },
    });
    expect(await published()).toBe(2);
    expect((await call('GET', '/composer')).json().draft).toMatchObject({ baseVersion: 1 });

    const reloaded = (await call('DELETE', '/draft')).json();
    expect(reloaded).toMatchObject({ published: 2, draft: null, baseVersion: 2 });
    expect(reloaded.config.widgets[0].config).toEqual({ radiusKm: 20 });
  });

  it('refuses a cadre of another village and keeps nothing', async () => {
    const { call } = await cadre();
    for (const [method, path, body] of [
      ['GET', '/composer'],
      ['POST', '/draft/widgets', { name: MACHINERY }],
      ['POST', '/draft/publish'],
    ] as const) {
      const res = await call(method, path, body, WUSI);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({
        code: 'SHELL_ERR_FORBIDDEN',
        message: `无权操作辖区外的区划 ${WUSI}`,
      });
    }
    expect(await shell.app.shell.storage.portals.currentVersion(WUSI)).toBeNull();
    const admins = await shell.app.inject({ url: `/api/portals/${WUSI}`, headers: admin });
    expect(admins.json().code).toBe('SHELL_ERR_NO_PORTAL');
  });

  it('serves the phone preview on the frame origin only, framed by the console alone', async () => {
    await cadre();
    const frame = shell.console.cadreFrame?.app;
    if (!frame) throw new Error('no cadre frame');
    const res = await frame.inject({ url: '/preview' });
    expect(res.statusCode).toBe(200);
    // The page, with the pinned province key the preview's trust gate verifies widgets with.
    const pinned = /<meta name="cunmen-province-key" content="[A-Za-z0-9+/]{43}=">/;
    expect(res.body).toMatch(pinned);
    expect(res.body.replace(pinned, '')).toBe(PREVIEW_HTML);
    expect(res.headers['content-security-policy']).toContain('frame-ancestors http://localhost:9090');
    expect(res.headers['set-cookie']).toBeUndefined();
    // The console's origin has no preview page: the old URL is the console app, its build file a 404.
    const old = await shell.console.inject({ url: `/preview/v/${XIANTAN}` });
    expect(old.body.replace(pinned, '')).toBe(CONSOLE_INDEX);
    expect((await shell.console.inject({ url: '/console/preview.html' })).statusCode).toBe(404);
    const app = await shell.console.inject({ url: `/v/${XIANTAN}/portal` });
    expect(app.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(app.headers['content-security-policy']).toContain('frame-src http://localhost:9091');
    expect(app.headers['x-frame-options']).toBe('DENY');
  });
});
