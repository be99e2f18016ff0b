import { sri } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approve,
  auth,
  type CatalogRegistry,
  catalogRegistry,
  publish,
  reportUsage,
  yank,
} from '../../test/catalog-fixtures.js';
import { builtManifest } from '../../test/fixtures.js';
import { deprecateRelease } from '../services/lifecycle.js';

const FIND = '@deqing/find-machinery';
const WASTE = '@deqing/waste-pickup';
const HEALTH = '@anji/health-hut';
const OLD = '@anji/old-tool';
const PENDING = '@anji/machinery-booking';
const SHOT = 'PNG-bytes-of-a-screenshot';

let r: CatalogRegistry;

beforeAll(async () => {
  r = await catalogRegistry('cunmen-catalog-');
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
});

afterAll(async () => {
  await r?.close();
});

const get = (url: string) => r.app.inject({ url });
const names = async (query: string) => {
  const res = await get(`/-/cunmen/v1/catalog${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { name: string }[]).map((i) => i.name);
};

describe('GET /-/cunmen/v1/catalog', () => {
  it('lists the current version of each approved widget, nothing pending', async () => {
    const res = await get('/-/cunmen/v1/catalog?sort=name');
    const body = res.json();
    expect(body).toMatchObject({ total: 4, page: 1, pageSize: 20, pages: 1 });
    expect(body.items.map((i: { name: string; version: string }) => `${i.name}@${i.version}`)).toEqual([
      `${HEALTH}@1.0.0`,
      `${OLD}@1.0.0`,
      `${FIND}@1.1.0`,
      `${WASTE}@1.0.0`,
    ]);
    expect(body.items[2]).toEqual({
      name: FIND,
      version: '1.1.0',
      kind: 'widget',
      standard: false,
      title: { 'zh-CN': '找农机', en: 'Find machinery' },
      description: { 'zh-CN': '查找本村农机手，预约耕地', en: 'Find a machinery operator' },
      keywords: ['农业', 'tractor'],
      category: 'agriculture',
      county: '330521',
      sdk: '^0.1.0',
      capabilities: ['store.read', 'store.write'],
      grantedCapabilities: ['store.read', 'store.write'],
      size: { jsGzip: 1500, totalGzip: 1900, total: 4900 },
      reuse: { villages: 0, counties: 0 },
      deprecated: null,
      publishedAt: expect.any(String),
      reviewedAt: expect.any(String),
      publisher: 'dq',
    });
  });

  it('finds Chinese substrings of two characters and of three or more', async () => {
    expect(await names('?q=农机')).toEqual([FIND]);
    expect(await names(`?q=${encodeURIComponent('找农机')}`)).toEqual([FIND]);
    expect(await names('?q=农机手')).toEqual([FIND]);
    expect(await names('?q=回收')).toEqual([WASTE]);
    expect(await names('?q=分类预约')).toEqual([WASTE]);
    expect(await names('?q=三代')).toEqual([]);
    expect(await names('?q=MACHINERY')).toEqual([FIND]);
    expect(await names('?q=deqing+预约&sort=name')).toEqual([FIND, WASTE]);
    expect(await names('?q=tractor')).toEqual([FIND]);
    expect(await names('?q=%22%20OR%20%2A')).toEqual([]);
  });

  it('filters by category, county and kind', async () => {
    expect(await names('?category=environment')).toEqual([WASTE]);
    expect(await names('?county=330523&sort=name')).toEqual([HEALTH, OLD]);
    expect(await names('?kind=standard')).toEqual([]);
    expect(await names('?kind=library')).toEqual([]);
    expect(await names('?kind=widget&county=330521&q=农机')).toEqual([FIND]);
  });

  it('filters by SDK compatibility with the host SDK version', async () => {
    const res = await get('/-/cunmen/v1/catalog?sdk=0.1.3&sort=name');
    expect(
      res.json().items.map((i: { name: string; compatible: boolean }) => [i.name, i.compatible]),
    ).toEqual([
      [OLD, true],
      [FIND, true],
      [WASTE, true],
    ]);
    const all = await get('/-/cunmen/v1/catalog?sdk=0.1.3&includeIncompatible=true&sort=name');
    expect(all.json().items[0]).toMatchObject({ name: HEALTH, compatible: false, sdk: '>=0.1.0 <0.1.2' });
    expect(await names('?sdk=0.1.1&sort=name')).toEqual([HEALTH, OLD, FIND, WASTE]);
    expect((await get('/-/cunmen/v1/catalog')).json().items[0]).not.toHaveProperty('compatible');
  });

  it('pages with a total over every page', async () => {
    const one = (await get('/-/cunmen/v1/catalog?sort=name&pageSize=3')).json();
    expect(one).toMatchObject({ total: 4, page: 1, pageSize: 3, pages: 2 });
    expect(one.items).toHaveLength(3);
    const two = (await get('/-/cunmen/v1/catalog?sort=name&pageSize=3&page=2')).json();
    expect(two).toMatchObject({ total: 4, page: 2, pages: 2 });
    expect(two.items.map((i: { name: string }) => i.name)).toEqual([WASTE]);
    expect((await get('/-/cunmen/v1/catalog?q=nothing-matches')).json()).toMatchObject({
      total: 0,
      pages: 1,
      items: [],
    });
  });

  it.each([
    ['category=farming', 'query parameter category: expected one of agriculture, environment'],
    ['kind=plugin', 'query parameter kind: expected widget, standard or library'],
    ['county=3305', 'query parameter county: expected a 6-digit division code such as 330521'],
    ['sdk=latest', 'query parameter sdk: expected a semver version such as 0.1.3'],
    ['sdk=%5E0.1.0', 'query parameter sdk: expected a semver version such as 0.1.3'],
    ['sort=popular', 'query parameter sort: expected reuse, recent or name'],
    ['page=0', 'query parameter page: expected an integer from 1 to 10000'],
    ['page=abc', 'query parameter page: expected an integer from 1 to 10000'],
    ['pageSize=101', 'query parameter pageSize: expected an integer from 1 to 100'],
    ['pageSize=2.5', 'query parameter pageSize: expected an integer from 1 to 100'],
    [
      'page=3&pageSize=2',
      'query parameter page: 3 is out of range; expected 1 to 2 (4 result(s), 2 per page)',
    ],
    ['kind=widget&kind=standard', 'query parameter kind: expected widget, standard or library'],
    ['includeIncompatible=yes', 'query parameter includeIncompatible: expected true or false'],
    [`q=${'农'.repeat(201)}`, 'query parameter q: expected at most 200 characters'],
  ])('refuses %s with a 400 naming the parameter', async (query, message) => {
    const res = await get(`/-/cunmen/v1/catalog?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('REG_ERR_BAD_REQUEST');
    expect(res.json().error).toContain(message);
  });
});

describe('GET /-/cunmen/v1/catalog/<@scope>/<name>', () => {
  it('shows every approved version, newest first, with changelog, screenshots, capabilities and size', async () => {
    const res = await get(`/-/cunmen/v1/catalog/${FIND}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      name: FIND,
      kind: 'widget',
      standard: false,
      title: { 'zh-CN': '找农机', en: 'Find machinery' },
      category: 'agriculture',
      county: '330521',
      keywords: ['农业', 'tractor'],
      latest: '1.1.0',
      distTags: { latest: '1.1.0' },
      compatibility: { sdk: '^0.1.0', against: '^0.1.0', badge: 'compatible' },
      reuse: { villages: 0, counties: 0 },
    });
    expect(body.versions.map((v: { version: string }) => v.version)).toEqual(['1.1.0', '1.0.0']);
    const [v110, v100] = body.versions;
    expect(v110).toMatchObject({
      version: '1.1.0',
      latest: true,
      changelog: '新增：按村筛选农机手',
      description: { 'zh-CN': '查找本村农机手，预约耕地' },
      capabilities: { requested: ['store.read', 'store.write'], granted: ['store.read', 'store.write'] },
      size: {
        jsGzip: 1500,
        totalGzip: 1900,
        total: 4900,
        tarball: expect.any(Number),
        unpacked: expect.any(Number),
      },
      deprecated: null,
      yanked: false,
      yankReason: null,
      reviewedAt: expect.any(String),
    });
    expect(v110.screenshots).toEqual([
      {
        path: 'dist/shot.png',
        url: expect.stringMatching(/^https:\/\/r\.example\/-\/assets\/[0-9a-f]{64}\/shot\.png$/),
      },
      { path: 'screenshots/not-built.png', url: null },
    ]);
    const shot = await r.app.inject({ url: new URL(v110.screenshots[0].url).pathname });
    expect(shot.statusCode).toBe(200);
    expect(shot.body).toBe(SHOT);
    expect(v100).toMatchObject({ latest: false, changelog: null, screenshots: [] });
  });

  it('accepts the %2f-encoded name and answers an unknown or only-pending package with 404', async () => {
    const encoded = await get(`/-/cunmen/v1/catalog/${FIND.replace('/', '%2f')}`);
    expect(encoded.statusCode).toBe(200);
    expect(encoded.json().name).toBe(FIND);
    for (const name of ['@deqing/nothing', PENDING, 'deqing/find-machinery']) {
      const res = await get(`/-/cunmen/v1/catalog/${name}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({
        error: `package ${name} not found in the catalog`,
        code: 'REG_ERR_NOT_FOUND',
      });
    }
  });

  it('keeps a yanked version visible, flagged, and never latest', async () => {
    const body = (await get(`/-/cunmen/v1/catalog/${OLD}`)).json();
    expect(body.latest).toBe('1.0.0');
    expect(
      body.versions.map((v: Record<string, unknown>) => [v.version, v.latest, v.yanked, v.yankReason]),
    ).toEqual([
      ['1.1.0', false, true, '在 iOS 13 上白屏'],
      ['1.0.0', true, false, null],
    ]);
  });

  it('shows a deprecation in the list and the detail once the review service sets it', async () => {
    await deprecateRelease(r.storage, { user: null }, OLD, '1.0.0', '请改用 @anji/new-tool');
    const item = (await get('/-/cunmen/v1/catalog?county=330523&q=旧工具')).json().items[0];
    expect(item).toMatchObject({ name: OLD, version: '1.0.0', deprecated: '请改用 @anji/new-tool' });
    const detail = (await get(`/-/cunmen/v1/catalog/${OLD}`)).json();
    expect(detail.versions[1]).toMatchObject({ version: '1.0.0', deprecated: '请改用 @anji/new-tool' });
    const found = (await get(`/-/v1/search?text=${encodeURIComponent('旧工具')}`)).json();
    expect(found.objects[0].score.detail.maintenance).toBe(0);
  });

  it('gives a compatibility badge for a host SDK version', async () => {
    const badge = async (name: string, sdk: string) =>
      (await get(`/-/cunmen/v1/catalog/${name}?sdk=${sdk}`)).json().compatibility;
    expect(await badge(FIND, '0.1.3')).toEqual({ sdk: '^0.1.0', against: '0.1.3', badge: 'compatible' });
    expect(await badge(FIND, '0.2.0')).toEqual({ sdk: '^0.1.0', against: '0.2.0', badge: 'incompatible' });
    expect(await badge(HEALTH, '0.1.3')).toMatchObject({ badge: 'incompatible' });
    const bad = await get(`/-/cunmen/v1/catalog/${FIND}?sdk=0.1`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toContain('query parameter sdk');
  });
});

describe('portal usage', () => {
  it('counts villages and counties per version and sorts the catalog by reuse', async () => {
    expect(await names('?sort=name')).toEqual([HEALTH, OLD, FIND, WASTE]);
    const first = await reportUsage(r, '330521001001', [
      { name: FIND, version: '1.0.0' },
      { name: WASTE, version: '1.0.0' },
    ]);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      village: '330521001001',
      county: '330521',
      widgets: 2,
      reportedAt: expect.any(String),
    });
    await reportUsage(r, '330521001002', [{ name: FIND, version: '1.1.0' }]);
    await reportUsage(r, '330523001001', [{ name: FIND, version: '1.1.0' }]);
    // A portal keeps a yanked version it already had.
    expect((await reportUsage(r, '330523001002', [{ name: OLD, version: '1.1.0' }])).statusCode).toBe(200);

    expect(await names('')).toEqual([FIND, OLD, WASTE, HEALTH]);
    const usage = await get(`/-/cunmen/v1/usage/${FIND}`);
    expect(usage.json()).toEqual({
      name: FIND,
      reuse: { villages: 3, counties: 2 },
      versions: [
        { version: '1.1.0', villages: 2, counties: 2 },
        { version: '1.0.0', villages: 1, counties: 1 },
      ],
    });
    expect((await get(`/-/cunmen/v1/usage/${FIND.replace('/', '%2f')}`)).json()).toEqual(usage.json());
    const detail = (await get(`/-/cunmen/v1/catalog/${FIND}`)).json();
    expect(detail.reuse).toEqual({ villages: 3, counties: 2 });
    expect(detail.versions.map((v: { reuse: unknown }) => v.reuse)).toEqual([
      { villages: 2, counties: 2 },
      { villages: 1, counties: 1 },
    ]);
    expect(await r.storage.catalog.isVersionInUse(FIND, '1.0.0')).toBe(true);

    // Replacing a report moves the village, it does not add to it.
    await reportUsage(r, '330521001001', [{ name: FIND, version: '1.1.0' }]);
    expect((await get(`/-/cunmen/v1/usage/${FIND}`)).json().versions).toEqual([
      { version: '1.1.0', villages: 3, counties: 2 },
    ]);
    expect((await get(`/-/cunmen/v1/usage/${WASTE}`)).json().reuse).toEqual({ villages: 0, counties: 0 });
    const audit = await r.storage.audit.list();
    expect(audit.filter((a) => a.action === 'portal.usage').at(-1)).toMatchObject({
      actor: 'zj',
      subject: 'village:330521001001',
      detail: { widgets: [`${FIND}@1.1.0`] },
    });
  });

  const rejected: [string, unknown, number, string, string][] = [
    [
      'a pending version',
      [{ name: FIND, version: '1.2.0' }],
      400,
      'REG_ERR_NOT_APPROVED',
      `widgets.0 ${FIND}@1.2.0 is pending review`,
    ],
    [
      'a missing version',
      [{ name: FIND, version: '9.0.0' }],
      400,
      'REG_ERR_NOT_APPROVED',
      `widgets.0 ${FIND}@9.0.0 has not been published`,
    ],
    [
      'a duplicate package',
      [
        { name: FIND, version: '1.1.0' },
        { name: FIND, version: '1.0.0' },
      ],
      400,
      'REG_ERR_BAD_REQUEST',
      `body field widgets.1.name: ${FIND} is listed twice`,
    ],
    [
      'a range',
      [{ name: FIND, version: '^1.0.0' }],
      400,
      'REG_ERR_BAD_REQUEST',
      'body field widgets.0.version: expected an exact version',
    ],
    [
      'a bad name',
      [{ name: 'find', version: '1.0.0' }],
      400,
      'REG_ERR_BAD_REQUEST',
      'body field widgets.0.name',
    ],
    [
      'not an array',
      { name: FIND },
      400,
      'REG_ERR_BAD_REQUEST',
      'body field widgets: expected an array of { name, version }',
    ],
  ];
  it.each(rejected)(
    'refuses %s and leaves the old figures unchanged',
    async (_what, widgets, status, code, message) => {
      const before = (await get(`/-/cunmen/v1/usage/${FIND}`)).json();
      const res = await r.app.inject({
        method: 'POST',
        url: '/-/cunmen/v1/usage',
        headers: auth(r.tokens.province),
        payload: { village: '330521001001', widgets },
      });
      expect(res.statusCode).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().error).toContain(message);
      expect((await get(`/-/cunmen/v1/usage/${FIND}`)).json()).toEqual(before);
    },
  );

  it('refuses bad villages, bad bodies, missing tokens and county tokens', async () => {
    const before = (await get(`/-/cunmen/v1/usage/${FIND}`)).json();
    const widgets = [{ name: FIND, version: '1.1.0' }];
    for (const village of ['33052100100', '330500001001', 330521001003]) {
      const res = await r.app.inject({
        method: 'POST',
        url: '/-/cunmen/v1/usage',
        headers: auth(r.tokens.province),
        payload: { village, widgets },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        error: 'body field village: expected a 12-digit village code such as 330521001001',
        code: 'REG_ERR_BAD_REQUEST',
      });
    }
    const notJson = await r.app.inject({
      method: 'POST',
      url: '/-/cunmen/v1/usage',
      headers: { ...auth(r.tokens.province), 'content-type': 'application/json' },
      payload: '{"village":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().code).toBe('REG_ERR_BAD_REQUEST');
    const array = await r.app.inject({
      method: 'POST',
      url: '/-/cunmen/v1/usage',
      headers: auth(r.tokens.province),
      payload: [],
    });
    expect(array.json()).toEqual({
      error: 'body: expected a JSON object { village, widgets }',
      code: 'REG_ERR_BAD_REQUEST',
    });

    const anonymous = await r.app.inject({
      method: 'POST',
      url: '/-/cunmen/v1/usage',
      payload: { village: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('REG_ERR_UNAUTHORIZED');
    const county = await reportUsage(r, '330521001009', widgets, r.tokens.deqing);
    expect(county.statusCode).toBe(403);
    expect(county.json()).toEqual({
      error: `only a province token (the shell's) can report portal usage; "dq" is a county user`,
      code: 'REG_ERR_FORBIDDEN',
    });
    expect((await get(`/-/cunmen/v1/usage/${FIND}`)).json()).toEqual(before);
    expect((await get('/-/cunmen/v1/usage/@deqing/nothing')).statusCode).toBe(404);
    expect((await get(`/-/cunmen/v1/usage/${PENDING}`)).statusCode).toBe(404);
  });
});

describe('GET /-/cunmen/v1/openapi.json', () => {
  it('describes the catalog, search and usage endpoints with parameters, bodies and responses', async () => {
    const res = await get('/-/cunmen/v1/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/-/cunmen/v1/catalog',
      '/-/cunmen/v1/catalog/{scope}/{pkg}',
      '/-/cunmen/v1/usage',
      '/-/cunmen/v1/usage/{scope}/{pkg}',
      '/-/v1/search',
    ]);
    const list = doc.paths['/-/cunmen/v1/catalog'].get;
    expect(list.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'query:q',
      'query:category',
      'query:county',
      'query:kind',
      'query:sdk',
      'query:includeIncompatible',
      'query:sort',
      'query:page',
      'query:pageSize',
    ]);
    expect(list.parameters.find((p: { name: string }) => p.name === 'pageSize').schema).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 100,
      default: 20,
    });
    expect(Object.keys(list.responses)).toEqual(['200', '400']);
    expect(JSON.stringify(list.responses['200'])).toContain('"reuse"');
    const search = doc.paths['/-/v1/search'].get;
    expect(search.parameters.map((p: { name: string }) => p.name)).toEqual(['text', 'size', 'from']);
    const report = doc.paths['/-/cunmen/v1/usage'].post;
    expect(report.security).toEqual([{ bearerAuth: [] }]);
    expect(Object.keys(report.requestBody.content['application/json'].schema.properties)).toEqual([
      'village',
      'widgets',
    ]);
    expect(Object.keys(report.responses)).toEqual(['200', '400', '401', '403']);
    const detail = doc.paths['/-/cunmen/v1/catalog/{scope}/{pkg}'].get;
    expect(detail.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual([
      'query:sdk',
      'path:scope',
      'path:pkg',
    ]);
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.servers).toEqual([{ url: 'https://r.example' }]);
  });
});
