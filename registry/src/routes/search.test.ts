import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  approve,
  type CatalogRegistry,
  catalogRegistry,
  publish,
  reportUsage,
} from '../../test/catalog-fixtures.js';

const run = promisify(execFile);
const FIND = '@deqing/find-machinery';
const WASTE = '@deqing/waste-pickup';
const HEALTH = '@anji/health-hut';
let r: CatalogRegistry;

beforeAll(async () => {
  r = await catalogRegistry('cunmen-search-');
  const { deqing, anji } = r.tokens;
  await publish(r, deqing, FIND, '1.0.0', {
    manifest: {
      title: { 'zh-CN': '找农机', en: 'Find machinery' },
      description: { 'zh-CN': '查找本村农机手' },
    },
    packageJson: { keywords: ['农业', 'tractor'] },
  });
  await approve(r, FIND, '1.0.0');
  await publish(r, deqing, WASTE, '1.0.0', {
    manifest: {
      title: { 'zh-CN': '垃圾分类预约' },
      description: { 'zh-CN': '预约上门回收' },
      category: 'environment',
    },
  });
  await approve(r, WASTE, '1.0.0');
  await publish(r, anji, HEALTH, '1.0.0', {
    manifest: { county: '330523', title: { 'zh-CN': '健康小屋' }, description: { 'zh-CN': '血压自测' } },
  });
  await approve(r, HEALTH, '1.0.0');
  // Pending: invisible to search.
  await publish(r, anji, '@anji/machinery-booking', '1.0.0', {
    manifest: { county: '330523', title: { 'zh-CN': '农机预约' }, description: { 'zh-CN': '预约农机' } },
  });
  await reportUsage(r, '330521001001', [{ name: WASTE, version: '1.0.0' }]);
  await reportUsage(r, '330523001001', [{ name: WASTE, version: '1.0.0' }]);
  await reportUsage(r, '330521001002', [{ name: FIND, version: '1.0.0' }]);
});

afterAll(async () => {
  await r?.close();
});

const search = (query: string) => r.app.inject({ url: `/-/v1/search?${query}` });

describe('GET /-/v1/search', () => {
  it("answers in npm's shape", async () => {
    const res = await search(`text=${encodeURIComponent('农机')}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.total).toBe(1);
    expect(Date.parse(body.time)).not.toBeNaN();
    expect(body.objects).toEqual([
      {
        package: {
          name: FIND,
          scope: 'deqing',
          version: '1.0.0',
          description: '找农机 — 查找本村农机手',
          keywords: ['农业', 'tractor'],
          date: expect.any(String),
          links: { catalog: `https://r.example/-/cunmen/v1/catalog/${FIND}` },
          publisher: { username: 'dq' },
          maintainers: [{ username: 'dq' }],
        },
        score: { final: expect.any(Number), detail: { quality: 1, popularity: 0.0909, maintenance: 1 } },
        searchScore: expect.any(Number),
      },
    ]);
  });

  it('finds 3+ character Chinese substrings, and ranks by reuse', async () => {
    expect((await search(`text=${encodeURIComponent('分类预约')}`)).json().objects[0].package.name).toBe(
      WASTE,
    );
    const all = (await search('text=')).json();
    expect(all.total).toBe(3);
    expect(all.objects.map((o: { package: { name: string } }) => o.package.name)).toEqual([
      WASTE,
      FIND,
      HEALTH,
    ]);
    expect(all.objects[0].score).toEqual({
      final: 0.7222,
      detail: { quality: 1, popularity: 0.1667, maintenance: 1 },
    });
    expect(
      (await search('text=scope:anji'))
        .json()
        .objects.map((o: { package: { name: string } }) => o.package.name),
    ).toEqual([HEALTH]);
  });

  it('counts the total over every page and pages with size and from', async () => {
    const page = async (q: string) => {
      const body = (await search(q)).json();
      return [body.total, body.objects.map((o: { package: { name: string } }) => o.package.name)];
    };
    expect(await page('text=&size=2')).toEqual([3, [WASTE, FIND]]);
    expect(await page('text=&size=2&from=2')).toEqual([3, [HEALTH]]);
    expect(await page('text=&size=2&from=3')).toEqual([3, []]);
    expect(await page('text=deqing&size=1&from=1')).toEqual([2, [FIND]]);
    expect(await page('text=deqing&quality=0.65&popularity=0.98&maintenance=0.5')).toEqual([
      2,
      [WASTE, FIND],
    ]);
  });

  it.each([
    ['size=251', 'size', 'size: expected an integer from 1 to 250'],
    ['size=0', 'size', 'size: expected an integer from 1 to 250'],
    ['from=-1', 'from', 'from: expected an integer from 0 to 1000000'],
    ['from=x', 'from', 'from: expected an integer from 0 to 1000000'],
    ['size=300&from=-1', 'size', 'size: expected an integer from 1 to 250; from: expected an integer'],
  ])('refuses %s with a 400', async (query, field, message) => {
    const res = await search(`text=a&${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'REG_ERR_BAD_REQUEST', field });
    expect(res.json().error).toContain(message);
  });

  it('works with the real `npm search`', async () => {
    const address = await r.app.listen({ host: '127.0.0.1', port: 0 });
    const dir = (await makeTempDir('cunmen-npm-search-')).path;
    const userconfig = join(dir, 'npmrc');
    writeFileSync(userconfig, '');
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
    const npm = (...args: string[]) =>
      run(
        'npm',
        [
          'search',
          ...args,
          '--registry',
          `${address}/`,
          '--userconfig',
          userconfig,
          '--cache',
          join(dir, 'cache'),
          '--prefer-online',
        ],
        { env: { ...env, NO_COLOR: '1' }, timeout: 60_000 },
      );
    const json = await npm('农机', '--json');
    const found = JSON.parse(json.stdout) as {
      name: string;
      version: string;
      publisher: { username: string };
    }[];
    expect(found.map((p) => [p.name, p.version, p.publisher.username])).toEqual([[FIND, '1.0.0', 'dq']]);
    const text = await npm('垃圾分类');
    expect(text.stdout).toContain(WASTE);
    expect(text.stdout).toContain('垃圾分类预约');
    expect(text.stdout).toMatch(/Version 1\.0\.0 published \d{4}-\d{2}-\d{2} by dq/);
    const none = await npm('健康小屋二代');
    expect(none.stdout).toContain('No matches found');
  });
});
