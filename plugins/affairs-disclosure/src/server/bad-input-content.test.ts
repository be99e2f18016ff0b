// @vitest-environment node
/**
 * Refused content: forged ids and other villages' items, drafts with bad text, periods or finance tables,
 * and attachments whose name, bytes or size do not fit. Each row: the exact code (and field), and nothing
 * changed — every row of every table and the audit log are the same before and after.
 */
import { type Refusal, refusal as r, refusalTable } from '@cunmen/module-api/testing';
import { beforeAll, describe, it } from 'vitest';
import {
  catalogueItem,
  expectRefused,
  financeDraft,
  freshApp,
  given as g,
  type Ids,
  PDF,
  PNG,
  rosterDraft,
  rosterXlsx,
  tooManyRowsXlsx,
  users as u,
  uploadRow as up,
  XT,
  zipBombXlsx,
} from './test-helpers.js';

const t = freshApp();
const run = (_name: string, row: Refusal<Ids>) => expectRefused(t, row);

/** Ids that name nothing: malformed, well formed but unknown, a path. */
const FORGED = ['not-an-id', '00000000-0000-4000-8000-000000000000', encodeURIComponent('../../etc')];

/** 五四村 adds an item to its own catalogue; 仙潭村 may not draft it. */
async function otherVillagesItem(): Promise<Ids> {
  const item = catalogueItem('五四村专项', '村规民约');
  const added = await t.inject({ as: u.cadreWs, method: 'POST', url: '/catalogue', payload: item });
  if (added.statusCode !== 201) throw new Error(added.body);
  return { key: added.json().key as string };
}

const f = financeDraft.finance;
let xlsx: Buffer;
let tooMany: Buffer;
let bomb: Buffer;
beforeAll(async () => {
  xlsx = await rosterXlsx();
  tooMany = tooManyRowsXlsx();
  bomb = zipBombXlsx();
});
const roster = () => xlsx;
const confirmed = '?confirmNoPersonalData=true';

describe('forged ids and other villages', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    ...FORGED.flatMap((id) => [
      r(null, u.cadre, `GET /items/${id}`, undefined, '404 AFFAIRS_ERR_ITEM_NOT_FOUND id'),
      r(null, u.cadre, `POST /items/${id}/submit`, {}, '404 AFFAIRS_ERR_ITEM_NOT_FOUND'),
      r(null, u.resident, `GET /published/${id}`, undefined, '404 AFFAIRS_ERR_ITEM_NOT_FOUND'),
      r(null, u.cadre, `POST /questions/${id}/answer`, { text: '已答复' }, '404 AFFAIRS_ERR_QUESTION_NOT_FOUND'),
    ]),
    r(g.draft, u.cadre, 'DELETE /items/:id/attachments/nope', undefined, '404 AFFAIRS_ERR_ATTACHMENT_NOT_FOUND aid'),
    r(g.draft, u.cadre, 'GET /items/:id/original/attachments/nope', undefined, '404 AFFAIRS_ERR_ATTACHMENT_NOT_FOUND aid'),
    // Drafts are not public, and another village's item is not found.
    r(g.draft, u.resident, 'GET /published/:id', undefined, '404 AFFAIRS_ERR_ITEM_NOT_FOUND'),
    r(g.draft, null, `GET /published/:id?village=${XT}`, undefined, '404 AFFAIRS_ERR_ITEM_NOT_FOUND'),
    r(g.published, u.residentWs, 'GET /published/:id', undefined, '404 AFFAIRS_ERR_ITEM_NOT_FOUND'),
    r(g.published, null, 'GET /published/:id?village=330521003201', undefined, '404 AFFAIRS_ERR_ITEM_NOT_FOUND'),
    r(g.published, null, 'GET /published/:id', undefined, '400 AFFAIRS_ERR_VILLAGE_REQUIRED village'),
    r(g.published, u.residentWs, 'GET /published/:id/export.xlsx', undefined, '404 AFFAIRS_ERR_ITEM_NOT_FOUND'),
  ]))('%s', run);
});

describe('drafts with bad content', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    // Unknown catalogue item (or another village's), wrong or future period, a second draft of a period.
    r(null, u.cadre, 'POST /items', { ...financeDraft, catalogueKey: 'no-such-item' }, '400 AFFAIRS_ERR_CATALOGUE_ITEM catalogueKey'),
    r(otherVillagesItem, u.cadre, 'POST /items', ({ key }: Ids) => ({ ...rosterDraft, catalogueKey: key }), '400 AFFAIRS_ERR_CATALOGUE_ITEM catalogueKey'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, period: '2026-Q3' }, '400 AFFAIRS_ERR_PERIOD period'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, period: '2026-12' }, '400 AFFAIRS_ERR_PERIOD period'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, period: '2026-13' }, '400 AFFAIRS_ERR_PERIOD period'),
    r(g.draft, u.cadre, 'POST /items', financeDraft, '409 AFFAIRS_ERR_DUPLICATE period'),
    // Empty, blank, oversized and control-character text; fields that do not exist.
    r(null, u.cadre, 'POST /items', { ...financeDraft, title: '' }, '400 MODULE_ERR_INVALID_ARGUMENT title'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, title: '   ' }, '400 MODULE_ERR_INVALID_ARGUMENT title'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, title: '长'.repeat(61) }, '400 MODULE_ERR_INVALID_ARGUMENT title'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, body: '' }, '400 MODULE_ERR_INVALID_ARGUMENT body'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, body: '字'.repeat(10_001) }, '400 MODULE_ERR_INVALID_ARGUMENT body'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, body: '\u0001\u0002' }, '400 MODULE_ERR_INVALID_ARGUMENT body'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, html: '<b>x</b>' }, '400 MODULE_ERR_INVALID_ARGUMENT'),
    r(g.draft, u.cadre, 'PUT /items/:id', { title: 'ok标题', body: '' }, '400 MODULE_ERR_INVALID_ARGUMENT body'),
    // An unbalanced finance table, negative or fractional amounts, or one on a non-finance item.
    r(null, u.cadre, 'POST /items', { ...financeDraft, finance: { ...f, closingBalance: f.closingBalance + 1 } }, '400 AFFAIRS_ERR_UNBALANCED finance.closingBalance'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, finance: { ...f, rows: [{ subject: '租金', income: -5, expenditure: 0 }] } }, '400 MODULE_ERR_INVALID_ARGUMENT finance.rows.0.income'),
    r(null, u.cadre, 'POST /items', { ...financeDraft, finance: { ...f, rows: [{ subject: '租金', income: 1.5, expenditure: 0 }] } }, '400 MODULE_ERR_INVALID_ARGUMENT finance.rows.0.income'),
    r(null, u.cadre, 'POST /items', { ...rosterDraft, finance: f }, '400 AFFAIRS_ERR_FINANCE_NOT_ALLOWED finance'),
  ]))('%s', run);
});

describe('attachments', () => {
  // biome-ignore format: a table, one row a line
  it.each(refusalTable<Ids>([
    // Bytes that are not what the name says: text as .xlsx, a zip that is no workbook, swapped types, binary CSV.
    up(g.rosterDraft, u.cadre, '名单.xlsx', Buffer.from('姓名,身份证号\n张三,1\n'), '400 AFFAIRS_ERR_FILE_CONTENT file'),
    up(g.rosterDraft, u.cadre, '名单.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), '400 AFFAIRS_ERR_FILE_CONTENT file'),
    up(g.rosterDraft, u.cadre, '凭证.png', PDF, '400 AFFAIRS_ERR_FILE_CONTENT file', confirmed),
    up(g.rosterDraft, u.cadre, '凭证.pdf', PNG, '400 AFFAIRS_ERR_FILE_CONTENT file', confirmed),
    up(g.rosterDraft, u.cadre, '名单.csv', Buffer.from([0x41, 0x00, 0x42]), '400 AFFAIRS_ERR_FILE_CONTENT file'),
    // Unknown types, empty and oversized files.
    up(g.rosterDraft, u.cadre, '程序.exe', PNG, '415 AFFAIRS_ERR_FILE_TYPE x-filename'),
    up(g.rosterDraft, u.cadre, '', PNG, '415 AFFAIRS_ERR_FILE_TYPE x-filename'),
    up(g.rosterDraft, u.cadre, '空.csv', Buffer.alloc(0), '400 AFFAIRS_ERR_FILE_EMPTY file'),
    up(g.rosterDraft, u.cadre, '大图.png', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), '413 AFFAIRS_ERR_FILE_TOO_LARGE file', confirmed),
    // Lists past the row limit or unpacking past the size limit: refused before a workbook is built.
    up(g.rosterDraft, u.cadre, '名单.xlsx', () => tooMany, '413 AFFAIRS_ERR_FILE_TOO_LARGE file'),
    up(g.rosterDraft, u.cadre, '名单.xlsx', () => bomb, '413 AFFAIRS_ERR_FILE_TOO_LARGE file'),
    up(g.rosterDraft, u.cadre, '大文件.pdf', Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]), '413 MODULE_ERR_TOO_LARGE', confirmed),
    // Images and PDFs need the uploader's confirmation that they hold no personal data.
    up(g.rosterDraft, u.cadre, '凭证.png', PNG, '400 AFFAIRS_ERR_CONFIRM_REQUIRED confirmNoPersonalData'),
    up(g.rosterDraft, u.cadre, '凭证.pdf', PDF, '400 AFFAIRS_ERR_CONFIRM_REQUIRED confirmNoPersonalData', '?confirmNoPersonalData=false'),
    // Roles that must not upload, too many files, and a published revision.
    up(g.rosterDraft, u.supervisor, '名单.xlsx', roster, '403 AFFAIRS_ERR_WRONG_ROLE'),
    up(g.rosterDraft, u.resident, '名单.xlsx', roster, '403 MODULE_ERR_FORBIDDEN'),
    up(g.rosterDraft, u.cadreWs, '名单.xlsx', roster, '403 MODULE_ERR_FORBIDDEN'),
    up(g.fullDraft, u.cadre, '名单10.xlsx', roster, '409 AFFAIRS_ERR_TOO_MANY_FILES file'),
    up(g.publishedWithRoster, u.cadre, '补充.xlsx', roster, '409 AFFAIRS_ERR_IMMUTABLE'),
  ]))('%s', run);
});
