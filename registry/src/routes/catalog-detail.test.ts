import { describe, expect, it } from 'vitest';
import { FIND, HEALTH, OLD, PENDING, SHOT, seededCatalog } from '../../test/catalog-fixtures.js';
import { errorBody } from '../../test/errors.js';
import { deprecateRelease } from '../services/lifecycle.js';

const r = seededCatalog('cunmen-catalog-detail-');

const get = (url: string) => r.app.inject({ url });

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
        home: null,
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
      expect(res.json()).toEqual(errorBody('REG_ERR_NOT_FOUND', `package ${name} not found in the catalog`));
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
    expect(bad.json()).toMatchObject({ code: 'REG_ERR_BAD_REQUEST', field: 'sdk' });
    expect(bad.json().error).toContain('sdk: expected a semver version such as 0.1.3');
  });
});
