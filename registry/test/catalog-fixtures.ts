/**
 * Catalog test fixtures: a registry with county and province users, and helpers that publish a widget
 * over the npm protocol (with package.json fields such as keywords), approve and yank it over HTTP,
 * and report portal usage as the shell does.
 */
import { sri } from '@cunmen/test-utils';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { builtManifest, injectPublish, type WidgetSpec } from './fixtures.js';
import { type TestRegistry, testRegistry } from './registry.js';

export type { WidgetSpec } from './fixtures.js';

/** The registry the catalog tests read (see test/registry.ts). */
export type CatalogRegistry = TestRegistry;
export const catalogRegistry = (prefix: string) => testRegistry(prefix);

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

export async function publish(
  r: CatalogRegistry,
  token: string,
  name: string,
  version: string,
  spec: WidgetSpec = {},
): Promise<void> {
  const res = await injectPublish(r.app, token, name, version, spec);
  if (res.statusCode !== 201) throw new Error(`publish ${name}@${version}: ${res.statusCode} ${res.body}`);
}

export async function approve(r: CatalogRegistry, name: string, version: string): Promise<void> {
  const res = await r.app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/review/${name}/${version}/approve`,
    headers: auth(r.tokens.province),
    payload: {},
  });
  if (res.statusCode !== 200) throw new Error(`approve ${name}@${version}: ${res.statusCode} ${res.body}`);
}

export async function yank(r: CatalogRegistry, name: string, version: string, reason: string): Promise<void> {
  const res = await r.app.inject({
    method: 'POST',
    url: `/-/cunmen/v1/packages/${name}/${version}/yank`,
    headers: auth(r.tokens.province),
    payload: { reason },
  });
  if (res.statusCode !== 200) throw new Error(`yank ${name}@${version}: ${res.statusCode} ${res.body}`);
}

export async function reportUsage(
  r: CatalogRegistry,
  village: string,
  widgets: { name: string; version: string }[],
  token = r.tokens.province,
): Promise<LightMyRequestResponse> {
  return r.app.inject({
    method: 'POST',
    url: '/-/cunmen/v1/usage',
    headers: auth(token),
    payload: { village, widgets },
  });
}

export const FIND = '@deqing/find-machinery';
export const WASTE = '@deqing/waste-pickup';
export const HEALTH = '@anji/health-hut';
export const OLD = '@anji/old-tool';
export const PENDING = '@anji/machinery-booking';
export const SHOT = 'PNG-bytes-of-a-screenshot';

/**
 * The catalog the route tests read: FIND 1.0.0 and 1.1.0 approved (1.1.0 with a screenshot and a
 * changelog) and 1.2.0 pending; WASTE (environment); HEALTH (another county, an SDK range the newest
 * hosts fall outside); OLD with 1.1.0 yanked; PENDING with nothing approved.
 */
export async function seedCatalog(r: CatalogRegistry): Promise<void> {
  const { deqing, anji } = r.tokens;
  const findManifest = {
    title: { 'zh-CN': '找农机', en: 'Find machinery' },
    description: { 'zh-CN': '查找本村农机手，预约耕地', en: 'Find a machinery operator' },
  };
  await publish(r, deqing, FIND, '1.0.0', {
    manifest: findManifest,
    packageJson: { keywords: ['农业', 'tractor'] },
  });
  await approve(r, FIND, '1.0.0');
  const defaults = builtManifest(FIND, '1.1.0');
  await publish(r, deqing, FIND, '1.1.0', {
    manifest: {
      ...findManifest,
      capabilities: ['store.read', 'store.write'],
      screenshots: ['dist/shot.png', 'screenshots/not-built.png'],
      assets: [
        ...defaults.assets,
        {
          path: 'shot.png',
          size: SHOT.length,
          gzip: SHOT.length,
          integrity: sri(SHOT),
          contentType: 'image/png',
        },
      ],
    },
    packageJson: { keywords: ['农业', 'tractor'], changelog: '新增：按村筛选农机手' },
    extraEntries: [{ path: 'package/dist/shot.png', body: SHOT }],
  });
  await approve(r, FIND, '1.1.0');
  // Pending: must stay invisible.
  await publish(r, deqing, FIND, '1.2.0', {
    manifest: { ...findManifest, title: { 'zh-CN': '找农机三代' } },
  });

  await publish(r, deqing, WASTE, '1.0.0', {
    manifest: {
      title: { 'zh-CN': '垃圾分类预约' },
      description: { 'zh-CN': '预约上门回收可回收物' },
      category: 'environment',
    },
  });
  await approve(r, WASTE, '1.0.0');

  await publish(r, anji, HEALTH, '1.0.0', {
    manifest: {
      county: '330523',
      title: { 'zh-CN': '健康小屋' },
      description: { 'zh-CN': '血压血糖自测记录' },
      category: 'health',
      sdk: '>=0.1.0 <0.1.2',
    },
  });
  await approve(r, HEALTH, '1.0.0');

  await publish(r, anji, OLD, '1.0.0', {
    manifest: { county: '330523', title: { 'zh-CN': '旧工具' }, description: { 'zh-CN': '旧版' } },
  });
  await approve(r, OLD, '1.0.0');
  await publish(r, anji, OLD, '1.1.0', {
    manifest: { county: '330523', title: { 'zh-CN': '旧工具' }, description: { 'zh-CN': '旧版' } },
  });
  await approve(r, OLD, '1.1.0');
  await yank(r, OLD, '1.1.0', '在 iOS 13 上白屏');

  await publish(r, anji, PENDING, '1.0.0', {
    manifest: { county: '330523', title: { 'zh-CN': '农机预约' }, description: { 'zh-CN': '预约农机' } },
  });
}

/** The names a catalog query lists, in order (the query must succeed). */
export async function catalogNames(r: CatalogRegistry, query: string): Promise<string[]> {
  const res = await r.app.inject({ url: `/-/cunmen/v1/catalog${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { name: string }[]).map((i) => i.name);
}

/**
 * The seeded catalog registry of one test file: made and seeded before its tests, closed after them.
 * Read its fields inside tests (they exist once `beforeAll` ran).
 */
export function seededCatalog(prefix: string): CatalogRegistry {
  let made: CatalogRegistry | undefined;
  beforeAll(async () => {
    made = await catalogRegistry(prefix);
    await seedCatalog(made);
  });
  afterAll(async () => {
    await made?.close();
  });
  const current = (): CatalogRegistry => {
    if (!made) throw new Error('the seeded catalog is made in beforeAll');
    return made;
  };
  return {
    get app() {
      return current().app;
    },
    get storage() {
      return current().storage;
    },
    get dataDir() {
      return current().dataDir;
    },
    get tokens() {
      return current().tokens;
    },
    close: () => current().close(),
  };
}
