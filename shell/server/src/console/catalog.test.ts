/**
 * The console's catalog through the shell, against the real registry: Chinese search, pinyin initials
 * and full pinyin (matched by the shell, the registry has no pinyin), the county's name from the shell's
 * division tree, the shared-singleton ranges from the signed release, version history; staff only;
 * the registry's refusals and absence as `SHELL` errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, signInOn, startConsoleShell } from '../../test/console.js';
import { startRegistry, type TestRegistry } from '../../test/registry.js';

let registry: TestRegistry;
let shell: ConsoleShell;
let cookie: string;

const WASTE = {
  title: { 'zh-CN': '垃圾分类预约', en: 'Waste pickup' },
  description: { 'zh-CN': '预约上门回收大件垃圾和可回收物' },
  category: 'environment',
};

beforeAll(async () => {
  registry = await startRegistry();
  await registry.release('@deqing/find-machinery', '1.0.0');
  await registry.release('@yiyuan/waste-pickup', '0.1.0', WASTE);
  await registry.release('@yiyuan/waste-pickup', '0.2.0', {
    ...WASTE,
    shared: { react: '^18.2.0', '@cunmen/sdk': '^0.1.0' },
  });
  shell = await startConsoleShell('http://localhost:9090', { registryUrl: registry.url });
  ({ cookie } = await signInOn(shell.console, 'xt-cadre'));
}, 120_000);

afterAll(async () => {
  await shell?.close();
  await registry?.close();
});

const get = (url: string, withCookie = true) =>
  shell.console.inject({ url, headers: withCookie ? { cookie } : {} });

describe('the catalog through the console', () => {
  it('finds 垃圾 in Chinese, with the county of origin named and the release’s shared ranges', async () => {
    const res = await get(`/api/console/v1/catalog?q=${encodeURIComponent('垃圾')}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 1, page: 1, pages: 1, matched: 'text' });
    expect(page.items[0]).toMatchObject({
      name: '@yiyuan/waste-pickup',
      version: '0.2.0',
      county: '370323',
      countyName: '沂源县',
      compatible: true,
      shared: { react: '^18.2.0', '@cunmen/sdk': '^0.1.0' },
      size: { jsGzip: 1500 },
    });
  });

  it.each([
    ['initials', 'ljfl'],
    ['full pinyin', 'laji'],
    ['initials, upper case, two words', 'LJ yy'],
  ])('finds it by pinyin (%s: %s), which the registry alone cannot', async (_what, q) => {
    const direct = await fetch(`${registry.url}/-/cunmen/v1/catalog?q=${encodeURIComponent(q)}`);
    expect((await direct.json()).total).toBe(0);
    const page = (await get(`/api/console/v1/catalog?q=${encodeURIComponent(q)}`)).json();
    expect(page.matched).toBe('pinyin');
    expect(page.items.map((i: { name: string }) => i.name)).toEqual(['@yiyuan/waste-pickup']);
  });

  it('keeps the registry’s filters and an English word on the pinyin path', async () => {
    const byCounty = (await get('/api/console/v1/catalog?county=330521')).json();
    expect(byCounty.items.map((i: { name: string }) => i.name)).toEqual(['@deqing/find-machinery']);
    expect(byCounty.items[0].countyName).toBe('德清县');
    const english = (await get('/api/console/v1/catalog?q=machinery&category=agriculture')).json();
    expect(english.items.map((i: { name: string }) => i.name)).toEqual(['@deqing/find-machinery']);
    const none = (await get('/api/console/v1/catalog?q=ljfl&category=agriculture')).json();
    expect(none).toMatchObject({ total: 0, pages: 1, items: [] });
  });

  it('answers one package with every version, newest first, each with its shared ranges', async () => {
    const res = await get('/api/console/v1/catalog/@yiyuan/waste-pickup');
    expect(res.statusCode).toBe(200);
    const detail = res.json();
    expect(detail).toMatchObject({
      name: '@yiyuan/waste-pickup',
      latest: '0.2.0',
      countyName: '沂源县',
      shared: { react: '^18.2.0' },
      compatibility: { against: '0.1.0', badge: 'compatible' },
    });
    expect(detail.versions.map((v: { version: string }) => v.version)).toEqual(['0.2.0', '0.1.0']);
    expect(detail.versions[1].shared).toEqual({ react: '^19.0.0', '@cunmen/sdk': '^0.1.0' });
  });

  it.each([
    ['anonymous', '/api/console/v1/catalog', false, 401, 'SHELL_ERR_UNAUTHORIZED', undefined],
    [
      'a page size too large',
      '/api/console/v1/catalog?pageSize=500',
      true,
      400,
      'SHELL_ERR_BAD_REQUEST',
      'pageSize',
    ],
    [
      'a category the registry does not know',
      '/api/console/v1/catalog?category=space',
      true,
      400,
      'SHELL_ERR_BAD_REQUEST',
      'category',
    ],
    [
      'a page past the last, on the pinyin path',
      '/api/console/v1/catalog?q=ljfl&page=3',
      true,
      400,
      'SHELL_ERR_BAD_REQUEST',
      'page',
    ],
    [
      'an unknown package',
      '/api/console/v1/catalog/@yiyuan/no-such',
      true,
      404,
      'SHELL_ERR_NOT_IN_CATALOG',
      undefined,
    ],
    ['not a package name', '/api/console/v1/catalog/yiyuan/Bad', true, 400, 'SHELL_ERR_BAD_REQUEST', 'name'],
  ])('refuses %s', async (_what, url, withCookie, status, code, field) => {
    const res = await get(url, withCookie);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code, ...(field ? { field } : {}) });
    expect(typeof res.json().message).toBe('string');
  });
});

describe('without the registry', () => {
  it('says the shell has no registry (503), and an unreachable one is a 502', async () => {
    const bare = await startConsoleShell();
    try {
      const { cookie: c } = await signInOn(bare.console, 'xt-cadre');
      const res = await bare.console.inject({ url: '/api/console/v1/catalog', headers: { cookie: c } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        code: 'SHELL_ERR_REGISTRY_NOT_CONFIGURED',
        message: '平台未连接组件仓库，无法浏览服务目录',
      });
    } finally {
      await bare.close();
    }
    const down = await startConsoleShell('http://localhost:9090', { registryUrl: 'http://127.0.0.1:9' });
    try {
      const { cookie: c } = await signInOn(down.console, 'xt-cadre');
      const res = await down.console.inject({ url: '/api/console/v1/catalog?q=x', headers: { cookie: c } });
      expect(res.statusCode).toBe(502);
      expect(res.json().code).toBe('SHELL_ERR_REGISTRY_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });
});
