import { describe, expect, it } from 'vitest';
import {
  auth,
  catalogNames,
  FIND,
  HEALTH,
  OLD,
  PENDING,
  reportUsage,
  seededCatalog,
  WASTE,
} from '../../test/catalog-fixtures.js';
import { errorBody } from '../../test/errors.js';
import type { RegistryErrorCode } from '../errors.js';

const r = seededCatalog('cunmen-usage-');

const get = (url: string) => r.app.inject({ url });
const names = (query: string) => catalogNames(r, query);

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

  const rejected: [string, unknown, number, RegistryErrorCode, string, string][] = [
    [
      'a pending version',
      [{ name: FIND, version: '1.2.0' }],
      400,
      'REG_ERR_NOT_APPROVED',
      'widgets.0',
      `widgets.0 ${FIND}@1.2.0 is pending review`,
    ],
    [
      'a missing version',
      [{ name: FIND, version: '9.0.0' }],
      400,
      'REG_ERR_NOT_APPROVED',
      'widgets.0',
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
      'widgets.1.name',
      `widgets.1.name: ${FIND} is listed twice`,
    ],
    [
      'a range',
      [{ name: FIND, version: '^1.0.0' }],
      400,
      'REG_ERR_BAD_REQUEST',
      'widgets.0.version',
      'widgets.0.version: expected an exact version',
    ],
    [
      'a bad name',
      [{ name: 'find', version: '1.0.0' }],
      400,
      'REG_ERR_BAD_REQUEST',
      'widgets.0.name',
      'widgets.0.name: ',
    ],
    [
      'not an array',
      { name: FIND },
      400,
      'REG_ERR_BAD_REQUEST',
      'widgets',
      'widgets: expected an array of { name, version }',
    ],
  ];
  it.each(rejected)(
    'refuses %s and leaves the old figures unchanged',
    async (_what, widgets, status, code, field, message) => {
      const before = (await get(`/-/cunmen/v1/usage/${FIND}`)).json();
      const res = await r.app.inject({
        method: 'POST',
        url: '/-/cunmen/v1/usage',
        headers: auth(r.tokens.province),
        payload: { village: '330521001001', widgets },
      });
      expect(res.statusCode).toBe(status);
      expect(res.json()).toMatchObject({ code, field, message: expect.stringMatching(/\p{Script=Han}/u) });
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
      expect(res.json()).toEqual(
        errorBody(
          'REG_ERR_BAD_REQUEST',
          'village: expected a 12-digit village code such as 330521001001',
          'village',
        ),
      );
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
    expect(array.json()).toEqual(
      errorBody('REG_ERR_BAD_REQUEST', '(body): expected a JSON object { village, widgets }', '(body)'),
    );

    const anonymous = await r.app.inject({
      method: 'POST',
      url: '/-/cunmen/v1/usage',
      payload: { village: 1 },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('REG_ERR_UNAUTHORIZED');
    const county = await reportUsage(r, '330521001009', widgets, r.tokens.deqing);
    expect(county.statusCode).toBe(403);
    expect(county.json()).toEqual(
      errorBody(
        'REG_ERR_FORBIDDEN',
        `only a usage-reporter token (the shell's) can report portal usage; "dq" is a county user`,
      ),
    );
    expect((await get(`/-/cunmen/v1/usage/${FIND}`)).json()).toEqual(before);
    expect((await get('/-/cunmen/v1/usage/@deqing/nothing')).statusCode).toBe(404);
    expect((await get(`/-/cunmen/v1/usage/${PENDING}`)).statusCode).toBe(404);
  });
});
