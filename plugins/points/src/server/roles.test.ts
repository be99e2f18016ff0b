// @vitest-environment node
/**
 * Every role that must not act, on every route that acts: the exact code, a zh-CN message, and no row
 * of any table (nor the audit log) changed. Residents, merchants, supervisors and staff above the
 * village do not decide claims or keep the rule book; cadres do not sell; nobody acts for another village.
 */
import { type Refusal, refusal, refusalTable } from '@cunmen/module-api/testing';
import { describe, it } from 'vitest';
import { givensFor, type Ids } from './givens.js';
import { ASSEMBLY, expectRefused, freshApp, inV, RULES, users } from './test-helpers.js';

const t = freshApp();
const u = users();
const g = givensFor(u);
const book = { adoptedOn: '2026-11-03', assembly: ASSEMBLY, items: RULES };
const redeem = (p: Ids) => ({ household: 'H-0100', goods: p.goods });
const ROLE = '403 POINTS_ERR_ROLE';
const OTHER = '403 POINTS_ERR_OTHER_VILLAGE';
const ANON = '401 MODULE_ERR_SIGN_IN_REQUIRED';

// biome-ignore format: one row a line
const rows: Refusal<Ids>[] = [
  refusal(null, u.resident, 'POST /rulebooks', book, ROLE),
  refusal(null, u.merchant, 'POST /rulebooks', book, ROLE),
  refusal(null, u.supervisor, 'POST /rulebooks', book, ROLE),
  refusal(null, inV(u.town), 'POST /rulebooks', book, ROLE),
  refusal(null, inV(u.county), 'POST /rulebooks', book, ROLE),
  refusal(null, inV(u.cadreB), 'POST /rulebooks', book, OTHER),
  refusal(null, { village: '330521107201', user: null }, 'POST /rulebooks', book, ANON),
  refusal(g.pending, u.resident, 'POST /claims/:id/approve', {}, ROLE),
  refusal(g.pending, u.merchant, 'POST /claims/:id/approve', {}, ROLE),
  refusal(g.pending, u.supervisor, 'POST /claims/:id/approve', {}, ROLE),
  refusal(g.pending, inV(u.town), 'POST /claims/:id/approve', {}, ROLE),
  refusal(g.pending, inV(u.cadreB), 'POST /claims/:id/approve', {}, OTHER),
  refusal(g.pending, u.resident, 'POST /claims/:id/reject', { reason: '不行' }, ROLE),
  refusal(g.pending, inV(u.town), 'POST /claims/:id/reject', { reason: '不行' }, ROLE),
  refusal(g.adopted, u.merchant, 'POST /claims', { item: 'R01', household: 'H-0012' }, ROLE),
  refusal(g.adopted, inV(u.town), 'POST /claims', { item: 'R01', household: 'H-0012' }, ROLE),
  refusal(g.adopted, inV(u.residentB), 'POST /claims', { item: 'R01' }, OTHER),
  refusal(g.shop, u.resident, 'POST /redeem', redeem, ROLE),
  refusal(g.shop, u.cadre, 'POST /redeem', redeem, ROLE),
  refusal(g.shop, inV(u.town), 'POST /redeem', redeem, ROLE),
  refusal(g.shop, inV(u.merchantB), 'POST /redeem', redeem, OTHER),
  refusal(g.shop, { village: '330521107201', user: null }, 'POST /redeem', redeem, ANON),
  refusal(null, u.merchant, 'POST /goods', { name: '米', price: 5, stock: 1 }, ROLE),
  refusal(null, u.resident, 'POST /goods', { name: '米', price: 5, stock: 1 }, ROLE),
  refusal(g.shop, u.merchant, 'PUT /goods/:goods', { stock: 99 }, ROLE),
  refusal(g.shop, inV(u.cadreB), 'PUT /goods/:goods', { stock: 99 }, OTHER),
  refusal(null, u.resident, 'PUT /settings', { baseScore: 10, yearlyReset: true, masking: 'name' }, ROLE),
  refusal(null, inV(u.town), 'PUT /settings', { baseScore: 10, yearlyReset: true, masking: 'name' }, ROLE),
  refusal(null, u.merchant, 'POST /reset', { year: 2027 }, ROLE),
  refusal(null, u.resident, 'POST /households', { code: 'H-1', head: '张三' }, ROLE),
  refusal(null, u.merchant, 'POST /households', { code: 'H-1', head: '张三' }, ROLE),
  refusal(null, u.cadre, 'POST /photos', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2]), ROLE, { 'content-type': 'image/jpeg' }),
  refusal(g.pending, u.resident, 'GET /claims', undefined, ROLE),
  refusal(g.pending, u.merchant, 'GET /households/H-0012/ledger', undefined, ROLE),
  refusal(g.pending, u.resident, 'GET /counter/H-0012', undefined, ROLE),
  refusal(g.pending, u.merchant, 'GET /export.xlsx', undefined, ROLE),
  refusal(g.pending, u.resident, 'GET /export.xlsx', undefined, ROLE),
  refusal(g.pending, inV(u.cadreB), 'GET /export.xlsx', undefined, OTHER),
  refusal(g.pending, { village: '330521107201', user: null }, 'GET /export.xlsx', undefined, ANON),
  refusal(g.neighboursPhoto, u.resident, 'GET /photos/:theirs', undefined, '404 POINTS_ERR_PHOTO_NOT_FOUND'),
];

describe('roles that must not act', () => {
  it.each(refusalTable(rows))('%s', (_, row) => expectRefused(t, row));
});
