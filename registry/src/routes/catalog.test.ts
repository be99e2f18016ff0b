import { describe, expect, it } from 'vitest';
import { catalogNames, FIND, HEALTH, OLD, seededCatalog, WASTE } from '../../test/catalog-fixtures.js';

const r = seededCatalog('cunmen-catalog-');

const get = (url: string) => r.app.inject({ url });
const names = (query: string) => catalogNames(r, query);

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
    ['category=farming', 'category', 'category: expected one of agriculture, environment'],
    ['kind=plugin', 'kind', 'kind: expected widget, standard or library'],
    ['county=3305', 'county', 'county: expected a 6-digit division code such as 330521'],
    ['sdk=latest', 'sdk', 'sdk: expected a semver version such as 0.1.3'],
    ['sdk=%5E0.1.0', 'sdk', 'sdk: expected a semver version such as 0.1.3'],
    ['sort=popular', 'sort', 'sort: expected reuse, recent or name'],
    ['page=0', 'page', 'page: expected an integer from 1 to 10000'],
    ['page=abc', 'page', 'page: expected an integer from 1 to 10000'],
    ['pageSize=101', 'pageSize', 'pageSize: expected an integer from 1 to 100'],
    ['pageSize=2.5', 'pageSize', 'pageSize: expected an integer from 1 to 100'],
    ['page=3&pageSize=2', 'page', 'page: 3 is out of range; expected 1 to 2 (4 result(s), 2 per page)'],
    ['kind=widget&kind=standard', 'kind', 'kind: expected widget, standard or library'],
    ['includeIncompatible=yes', 'includeIncompatible', 'includeIncompatible: expected true or false'],
    [`q=${'农'.repeat(201)}`, 'q', 'q: expected at most 200 characters'],
  ])('refuses %s with a 400 naming the parameter', async (query, field, message) => {
    const res = await get(`/-/cunmen/v1/catalog?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'REG_ERR_BAD_REQUEST', field, requestId: expect.any(String) });
    expect(res.json().error).toContain(message);
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
