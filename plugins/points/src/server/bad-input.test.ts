// @vitest-environment node
/**
 * Bad input, each a clear error and no change: claims outside the adopted rule book or for another
 * village's household, redemptions beyond balance or stock or from another village's shop, rule-book
 * changes without (or against) the assembly's record, and the rest of the module's refusals.
 */
import { type Refusal, refusal, refusalTable } from '@cunmen/module-api/testing';
import { describe, expect, it } from 'vitest';
import { givensFor, type Ids } from './givens.js';
import { ASSEMBLY, expectRefused, freshApp, JPEG, RULES, uploadPhoto, users } from './test-helpers.js';

const t = freshApp();
const u = users();
const g = givensFor(u);
const adopt = (over: object) => ({ adoptedOn: '2026-11-03', assembly: ASSEMBLY, items: RULES, ...over });
const votes = (over: object) => adopt({ assembly: { ...ASSEMBLY, ...over } });
const redeem = (over: object) => (p: Ids) => ({ household: 'H-0100', goods: p.goods, ...over });
const INVALID = '400 MODULE_ERR_INVALID_ARGUMENT';

// biome-ignore format: one row a line
const rows: Refusal<Ids>[] = [
  refusal(null, u.cadre, 'POST /rulebooks', adopt({ assembly: undefined }), '400 POINTS_ERR_ASSEMBLY_REQUIRED assembly'),
  refusal(null, u.cadre, 'POST /rulebooks', votes({ votesFor: 110 }), '400 POINTS_ERR_VOTES assembly'),
  refusal(null, u.cadre, 'POST /rulebooks', votes({ votesFor: 60 }), '400 POINTS_ERR_NOT_ADOPTED assembly'),
  refusal(null, u.cadre, 'POST /rulebooks', adopt({ adoptedOn: '2026-10-19' }), '409 POINTS_ERR_BACKDATED adoptedOn'),
  refusal(g.adopted, u.cadre, 'POST /rulebooks', adopt({ adoptedOn: '2026-11-01' }), '409 POINTS_ERR_BACKDATED adoptedOn'),
  refusal(null, u.cadre, 'POST /rulebooks', adopt({ items: [RULES[0], RULES[0]] }), `${INVALID} items`),
  refusal(null, u.cadre, 'POST /rulebooks', adopt({ items: [{ ...RULES[0], points: 0 }] }), `${INVALID} items.0.points`),
  refusal(null, u.cadre, 'POST /rulebooks', adopt({ adoptedOn: '2026-02-30' }), `${INVALID} adoptedOn`),
  refusal(null, u.cadre, 'POST /rulebooks', adopt({ adoptedOn: '1968-13-01' }), `${INVALID} adoptedOn`),
  refusal(null, u.cadre, 'POST /claims', { item: 'R01', household: 'H-0012' }, '409 POINTS_ERR_NO_RULEBOOK'),
  refusal(g.pending, u.cadre, 'POST /claims', { item: 'X99', household: 'H-0012' }, '400 POINTS_ERR_ITEM item'),
  refusal(g.otherVillagesHousehold, u.cadre, 'POST /claims', { item: 'R01', household: 'H-0500' }, '404 POINTS_ERR_HOUSEHOLD household'),
  refusal(g.adopted, u.cadre, 'POST /claims', { item: 'R01' }, '404 POINTS_ERR_HOUSEHOLD household'),
  refusal(g.adopted, u.resident, 'POST /claims', { item: 'R01' }, '400 POINTS_ERR_PHOTO_REQUIRED photo'),
  refusal(g.neighboursPhoto, u.resident, 'POST /claims', (p: Ids) => ({ item: 'R01', photo: p.theirs }), '400 POINTS_ERR_PHOTO_UNKNOWN photo'),
  refusal(g.adopted, u.resident, 'POST /claims', { item: 'R01', photo: 'x', quantity: 0 }, `${INVALID} quantity`),
  refusal(g.pending, u.cadre, 'POST /claims/:id/reject', { reason: '  ' }, '400 POINTS_ERR_REASON_REQUIRED reason'),
  refusal(g.approved, u.cadre2, 'POST /claims/:id/approve', {}, '409 POINTS_ERR_DECIDED'),
  refusal(g.approved, u.cadre2, 'POST /claims/:id/reject', { reason: '重复' }, '409 POINTS_ERR_DECIDED'),
  refusal(g.pending, u.cadreB, 'POST /claims/:id/approve', {}, '404 POINTS_ERR_CLAIM_NOT_FOUND'),
  refusal(g.shop, u.merchant, 'POST /redeem', redeem({ quantity: 5 }), '409 POINTS_ERR_BALANCE'),
  refusal(g.shop, u.merchant, 'POST /redeem', redeem({ quantity: 3 }), '409 POINTS_ERR_STOCK'),
  refusal(g.shop, u.merchant, 'POST /redeem', redeem({ household: 'H-0500' }), '404 POINTS_ERR_HOUSEHOLD household'),
  refusal(g.shop, u.merchantB, 'POST /redeem', redeem({}), '404 POINTS_ERR_GOODS_NOT_FOUND goods'),
  refusal(g.shop, u.merchant, 'POST /redeem', redeem({ quantity: 0 }), `${INVALID} quantity`),
  refusal(g.shop, u.cadre, 'PUT /goods/:goods', { price: 0 }, `${INVALID} price`),
  refusal(null, u.cadre, 'PUT /goods/nope', { stock: 1 }, '404 POINTS_ERR_GOODS_NOT_FOUND goods'),
  refusal(null, u.cadre, 'POST /reset', { year: 2027 }, '409 POINTS_ERR_RESET_OFF'),
  refusal(g.pending, u.cadre, 'POST /households', { code: 'H-0012', head: '张阿婆' }, '409 POINTS_ERR_HOUSEHOLD_EXISTS code'),
  refusal(null, u.cadre, 'PUT /settings', { baseScore: -1, yearlyReset: false, masking: 'name' }, `${INVALID} baseScore`),
  refusal(null, u.resident, 'GET /summary?month=2026-13', undefined, '400 POINTS_ERR_MONTH month'),
  refusal(null, u.homeless, 'GET /me', undefined, '404 POINTS_ERR_HOUSEHOLD household'),
  refusal(null, u.homeless, 'POST /claims', { item: 'R01' }, '404 POINTS_ERR_HOUSEHOLD household'),
];

describe('bad input changes nothing', () => {
  it.each(refusalTable(rows))('%s', (_, row) => expectRefused(t, row));

  it('tells a resident who has joined no household yet to join one first', async () => {
    const res = await t.inject({ as: u.homeless, method: 'GET', url: '/me' });
    expect(res.json()).toMatchObject({
      code: 'POINTS_ERR_HOUSEHOLD',
      message: '请先加入您的家庭：在门户申请入户，村干部审核通过后即可查看和申请我家的积分',
    });
  });

  it('refuses the 31st photo of a China-time day and takes photos again the next day', async () => {
    for (let i = 0; i < 30; i++) await uploadPhoto(t, u.resident);
    const row = refusal(null, u.resident, 'POST /photos', JPEG, '429 POINTS_ERR_PHOTO_QUOTA', {
      'content-type': 'image/jpeg',
    });
    await expectRefused(t, row);
    t.clock.set('2026-11-02T16:00:00Z'); // midnight in Beijing
    expect(await uploadPhoto(t, u.resident)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(
    refusalTable([
      refusal(null, u.resident, 'POST /photos', Buffer.from('GIF89a……'), '415 POINTS_ERR_PHOTO_TYPE', {
        'content-type': 'image/jpeg',
      }),
      refusal(
        null,
        u.resident,
        'POST /photos',
        Buffer.concat([JPEG, Buffer.alloc(5 * 1024 * 1024)]),
        '413 POINTS_ERR_PHOTO_TOO_LARGE',
        { 'content-type': 'image/jpeg' },
      ),
    ]),
  )('%s', (_, row) => expectRefused(t, row));
});
