// @vitest-environment node
/**
 * Every refused call: the exact error code (and field), and proof that nothing changed — every row of
 * every table and the audit log are the same before and after.
 */

import type { ModuleTestApp } from '@cunmen/module-api/testing';
import { testUser } from '@cunmen/module-api/testing';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROUTES } from './index.js';
import {
  financeDraft,
  PDF,
  PNG,
  publish,
  rosterDraft,
  rosterXlsx,
  setup,
  snapshot,
  upload,
  users,
  XT,
} from './test-helpers.js';

let t: ModuleTestApp;
beforeEach(async () => {
  t = await setup();
});
afterEach(async () => {
  await t.close();
});

async function refused(
  call: () => Promise<LightMyRequestResponse>,
  status: number,
  code: string,
  field?: string,
) {
  const before = await snapshot(t);
  const res = await call();
  expect({ status: res.statusCode, code: res.json().code }).toEqual({ status, code });
  if (field !== undefined) expect(res.json().field).toBe(field);
  expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
  expect(await snapshot(t)).toBe(before);
}

const draft = async (payload: object = financeDraft) =>
  (await t.inject({ as: users.cadre, method: 'POST', url: '/items', payload })).json().id as string;
const post =
  (as: Parameters<ModuleTestApp['inject']>[0]['as'], url: string, payload: unknown = {}) =>
  () =>
    t.inject({ as, method: 'POST', url, payload: payload as object });

describe('forbidden transitions', () => {
  it('approving a draft that was not submitted', async () => {
    const id = await draft();
    await refused(post(users.supervisor, `/items/${id}/approve`), 409, 'AFFAIRS_ERR_TRANSITION');
    await refused(
      post(users.supervisor, `/items/${id}/return`, { reason: '缺凭证' }),
      409,
      'AFFAIRS_ERR_TRANSITION',
    );
  });
  it('a supervisor approving twice', async () => {
    const id = await draft();
    await t.inject({ as: users.cadre, method: 'POST', url: `/items/${id}/submit` });
    expect((await post(users.supervisor, `/items/${id}/approve`)()).statusCode).toBe(200);
    await refused(post(users.supervisor, `/items/${id}/approve`), 409, 'AFFAIRS_ERR_TRANSITION');
  });
  it('publishing without both approvals', async () => {
    const id = await draft();
    await refused(post(users.cadre, `/items/${id}/publish`), 409, 'AFFAIRS_ERR_TRANSITION');
    await t.inject({ as: users.cadre, method: 'POST', url: `/items/${id}/submit` });
    await refused(post(users.cadre, `/items/${id}/publish`), 409, 'AFFAIRS_ERR_TRANSITION');
    await refused(
      post(users.cadre, `/items/${id}/council`, { meetingDate: '2026-11-02' }),
      409,
      'AFFAIRS_ERR_TRANSITION',
    );
    await post(users.supervisor, `/items/${id}/approve`)();
    await refused(post(users.cadre, `/items/${id}/publish`), 409, 'AFFAIRS_ERR_TRANSITION');
  });
  it('submitting twice, editing while under review', async () => {
    const id = await draft();
    await t.inject({ as: users.cadre, method: 'POST', url: `/items/${id}/submit` });
    await refused(post(users.cadre, `/items/${id}/submit`), 409, 'AFFAIRS_ERR_TRANSITION');
    await refused(
      () =>
        t.inject({
          as: users.cadre,
          method: 'PUT',
          url: `/items/${id}`,
          payload: { title: '改标题', body: '改' },
        }),
      409,
      'AFFAIRS_ERR_TRANSITION',
    );
  });
  it('editing a published revision, deleting anything published', async () => {
    const id = await publish(t, rosterDraft, true);
    const aid = (await t.inject({ as: users.cadre, url: `/items/${id}` })).json().attachments[0].id;
    await refused(
      () =>
        t.inject({
          as: users.cadre,
          method: 'PUT',
          url: `/items/${id}`,
          payload: { title: '改标题', body: '改' },
        }),
      409,
      'AFFAIRS_ERR_IMMUTABLE',
    );
    await refused(
      () => t.inject({ as: users.cadre, method: 'DELETE', url: `/items/${id}` }),
      409,
      'AFFAIRS_ERR_IMMUTABLE',
    );
    await refused(
      () => t.inject({ as: users.cadre, method: 'DELETE', url: `/items/${id}/attachments/${aid}` }),
      409,
      'AFFAIRS_ERR_IMMUTABLE',
    );
    await refused(async () => upload(t, id, '补充.xlsx', await rosterXlsx()), 409, 'AFFAIRS_ERR_IMMUTABLE');
  });
  it('a drafter approving as supervisor, and review by the drafter under another role', async () => {
    const id = await draft();
    await t.inject({ as: users.cadre, method: 'POST', url: `/items/${id}/submit` });
    await refused(post(users.cadre, `/items/${id}/approve`), 403, 'AFFAIRS_ERR_WRONG_ROLE');
    await refused(post(users.cadre2, `/items/${id}/approve`), 403, 'AFFAIRS_ERR_WRONG_ROLE');
    const same = testUser('supervisor', XT, { name: 'cadre-xt' });
    await refused(post(same, `/items/${id}/approve`), 403, 'AFFAIRS_ERR_SELF_REVIEW');
    await refused(
      post(users.supervisor, `/items/${id}/council`, { meetingDate: '2026-11-02' }),
      403,
      'AFFAIRS_ERR_WRONG_ROLE',
    );
  });
  it('corrections only of the current published revision', async () => {
    const id = await draft();
    await refused(
      post(users.cadre, `/items/${id}/revisions`, { reason: '更正' }),
      409,
      'AFFAIRS_ERR_NOT_PUBLISHED',
    );
    const pub = await publish(t, rosterDraft);
    await refused(
      post(users.cadre, `/items/${pub}/revisions`, { reason: '' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'reason',
    );
    await refused(
      post(users.supervisor, `/items/${pub}/revisions`, { reason: '更正' }),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
  });
  it('a 两委 meeting date before submission or in the future', async () => {
    const id = await draft();
    await t.inject({ as: users.cadre, method: 'POST', url: `/items/${id}/submit` });
    await post(users.supervisor, `/items/${id}/approve`)();
    await refused(
      post(users.cadre, `/items/${id}/council`, { meetingDate: '2026-10-30' }),
      400,
      'AFFAIRS_ERR_COUNCIL_DATE',
      'meetingDate',
    );
    await refused(
      post(users.cadre, `/items/${id}/council`, { meetingDate: '2026-11-03' }),
      400,
      'AFFAIRS_ERR_COUNCIL_DATE',
      'meetingDate',
    );
    await refused(
      post(users.cadre, `/items/${id}/council`, { meetingDate: '2026-02-30' }),
      400,
      'AFFAIRS_ERR_COUNCIL_DATE',
      'meetingDate',
    );
    await refused(
      post(users.cadre, `/items/${id}/council`, {}),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'meetingDate',
    );
  });
  it('returning without a reason', async () => {
    const id = await draft();
    await t.inject({ as: users.cadre, method: 'POST', url: `/items/${id}/submit` });
    await refused(
      post(users.supervisor, `/items/${id}/return`, { reason: ' ' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'reason',
    );
  });
});

describe('roles that must not act', () => {
  it('resident, merchant, anonymous, another village drafting', async () => {
    await refused(post(users.resident, '/items', financeDraft), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(post(users.merchant, '/items', financeDraft), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(post(users.supervisor, '/items', financeDraft), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(post(users.township, '/items', financeDraft), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(post(null, '/items', financeDraft), 401, 'MODULE_ERR_SIGN_IN_REQUIRED');
    await refused(
      post({ village: XT, user: null }, '/items', financeDraft),
      401,
      'MODULE_ERR_SIGN_IN_REQUIRED',
    );
    // A cadre of 五四村 opening 仙潭村's console.
    await refused(
      post({ village: XT, user: users.cadreWs }, '/items', financeDraft),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
  });
  it('a supervisor of another village, township staff, merchant reviewing', async () => {
    const id = await draft();
    await t.inject({ as: users.cadre, method: 'POST', url: `/items/${id}/submit` });
    await refused(post(users.supervisorWs, `/items/${id}/approve`), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(
      post({ village: XT, user: users.supervisorWs }, `/items/${id}/approve`),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
    await refused(post(users.township, `/items/${id}/approve`), 403, 'AFFAIRS_ERR_WRONG_ROLE');
    await refused(post(users.townshipOther, `/items/${id}/approve`), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(post(users.merchant, `/items/${id}/approve`), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(
      post(users.resident, `/items/${id}/return`, { reason: '不同意' }),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
    await refused(post(null, `/items/${id}/approve`), 401, 'MODULE_ERR_SIGN_IN_REQUIRED');
  });
  it('reads of cadre views by residents, merchants, other villages and other townships', async () => {
    const id = await draft();
    for (const url of ['/items', `/items/${id}`, `/items/${id}/preview`]) {
      await refused(() => t.inject({ as: users.resident, url }), 403, 'MODULE_ERR_FORBIDDEN');
      await refused(() => t.inject({ as: users.merchant, url }), 403, 'MODULE_ERR_FORBIDDEN');
      await refused(() => t.inject({ as: null, url }), 401, 'MODULE_ERR_SIGN_IN_REQUIRED');
    }
    await refused(() => t.inject({ as: users.cadreWs, url: `/items/${id}` }), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(
      () => t.inject({ as: users.townshipOther, url: `/items/${id}/preview` }),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
    await refused(
      () => t.inject({ as: users.countyOther, url: `/items/${id}` }),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
  });
});

describe('forged ids and other villages', () => {
  it('unknown and malformed ids', async () => {
    for (const id of ['not-an-id', '00000000-0000-4000-8000-000000000000', '../../etc']) {
      await refused(
        () => t.inject({ as: users.cadre, url: `/items/${encodeURIComponent(id)}` }),
        404,
        'AFFAIRS_ERR_ITEM_NOT_FOUND',
        'id',
      );
      await refused(
        post(users.cadre, `/items/${encodeURIComponent(id)}/submit`),
        404,
        'AFFAIRS_ERR_ITEM_NOT_FOUND',
      );
      await refused(
        () => t.inject({ as: users.resident, url: `/published/${encodeURIComponent(id)}` }),
        404,
        'AFFAIRS_ERR_ITEM_NOT_FOUND',
      );
      await refused(
        post(users.cadre, `/questions/${encodeURIComponent(id)}/answer`, { text: '已答复' }),
        404,
        'AFFAIRS_ERR_QUESTION_NOT_FOUND',
      );
    }
    const id = await draft();
    await refused(
      () => t.inject({ as: users.cadre, method: 'DELETE', url: `/items/${id}/attachments/nope` }),
      404,
      'AFFAIRS_ERR_ATTACHMENT_NOT_FOUND',
      'aid',
    );
    await refused(
      () => t.inject({ as: users.cadre, url: `/items/${id}/original/attachments/nope` }),
      404,
      'AFFAIRS_ERR_ATTACHMENT_NOT_FOUND',
      'aid',
    );
  });
  it('another village’s item, and drafts, are not public', async () => {
    const id = await draft();
    await refused(
      () => t.inject({ as: users.resident, url: `/published/${id}` }),
      404,
      'AFFAIRS_ERR_ITEM_NOT_FOUND',
    );
    await refused(
      () => t.inject({ as: null, url: `/published/${id}?village=${XT}` }),
      404,
      'AFFAIRS_ERR_ITEM_NOT_FOUND',
    );
    const pub = await publish(t, rosterDraft);
    await refused(
      () => t.inject({ as: users.residentWs, url: `/published/${pub}` }),
      404,
      'AFFAIRS_ERR_ITEM_NOT_FOUND',
    );
    await refused(
      () => t.inject({ as: null, url: `/published/${pub}?village=330521003201` }),
      404,
      'AFFAIRS_ERR_ITEM_NOT_FOUND',
    );
    await refused(
      () => t.inject({ as: null, url: `/published/${pub}` }),
      400,
      'AFFAIRS_ERR_VILLAGE_REQUIRED',
      'village',
    );
    await refused(
      () => t.inject({ as: users.residentWs, url: `/published/${pub}/export.xlsx` }),
      404,
      'AFFAIRS_ERR_ITEM_NOT_FOUND',
    );
  });
});

describe('drafts with bad content', () => {
  it('unknown catalogue item, wrong or future period, duplicates', async () => {
    await refused(
      post(users.cadre, '/items', { ...financeDraft, catalogueKey: 'no-such-item' }),
      400,
      'AFFAIRS_ERR_CATALOGUE_ITEM',
      'catalogueKey',
    );
    await refused(
      post(users.cadre, '/items', { ...financeDraft, period: '2026-Q3' }),
      400,
      'AFFAIRS_ERR_PERIOD',
      'period',
    );
    await refused(
      post(users.cadre, '/items', { ...financeDraft, period: '2026-12' }),
      400,
      'AFFAIRS_ERR_PERIOD',
      'period',
    );
    await refused(
      post(users.cadre, '/items', { ...financeDraft, period: '2026-13' }),
      400,
      'AFFAIRS_ERR_PERIOD',
      'period',
    );
    await draft();
    await refused(post(users.cadre, '/items', financeDraft), 409, 'AFFAIRS_ERR_DUPLICATE', 'period');
  });
  it('another village’s catalogue item', async () => {
    const item = {
      category: 'village',
      title: '五四村专项',
      basis: '村规民约',
      cadence: 'quarterly',
      deadline: { kind: 'after-period', day: 15 },
      owner: '村委会',
    };
    const added = await t.inject({ as: users.cadreWs, method: 'POST', url: '/catalogue', payload: item });
    expect(added.statusCode).toBe(201);
    await refused(
      post(users.cadre, '/items', { ...rosterDraft, catalogueKey: added.json().key }),
      400,
      'AFFAIRS_ERR_CATALOGUE_ITEM',
      'catalogueKey',
    );
  });
  it('empty and oversized text', async () => {
    await refused(
      post(users.cadre, '/items', { ...financeDraft, title: '' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'title',
    );
    await refused(
      post(users.cadre, '/items', { ...financeDraft, title: '   ' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'title',
    );
    await refused(
      post(users.cadre, '/items', { ...financeDraft, title: '长'.repeat(61) }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'title',
    );
    await refused(
      post(users.cadre, '/items', { ...financeDraft, body: '' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'body',
    );
    await refused(
      post(users.cadre, '/items', { ...financeDraft, body: '字'.repeat(10_001) }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'body',
    );
    await refused(
      post(users.cadre, '/items', { ...financeDraft, body: '\u0001\u0002' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'body',
    );
    await refused(
      post(users.cadre, '/items', { ...financeDraft, html: '<b>x</b>' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
    );
    const id = await draft();
    await refused(
      () =>
        t.inject({
          as: users.cadre,
          method: 'PUT',
          url: `/items/${id}`,
          payload: { title: 'ok标题', body: '' },
        }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'body',
    );
  });
  it('an unbalanced finance table, or one on a non-finance item', async () => {
    const f = financeDraft.finance;
    await refused(
      post(users.cadre, '/items', {
        ...financeDraft,
        finance: { ...f, closingBalance: f.closingBalance + 1 },
      }),
      400,
      'AFFAIRS_ERR_UNBALANCED',
      'finance.closingBalance',
    );
    await refused(
      post(users.cadre, '/items', {
        ...financeDraft,
        finance: { ...f, rows: [{ subject: '租金', income: -5, expenditure: 0 }] },
      }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'finance.rows.0.income',
    );
    await refused(
      post(users.cadre, '/items', {
        ...financeDraft,
        finance: { ...f, rows: [{ subject: '租金', income: 1.5, expenditure: 0 }] },
      }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'finance.rows.0.income',
    );
    await refused(
      post(users.cadre, '/items', { ...rosterDraft, finance: f }),
      400,
      'AFFAIRS_ERR_FINANCE_NOT_ALLOWED',
      'finance',
    );
  });
});

describe('attachments', () => {
  it('non-XLSX bytes named .xlsx, a zip that is no workbook, mismatched images', async () => {
    const id = await draft(rosterDraft);
    await refused(
      () => upload(t, id, '名单.xlsx', Buffer.from('姓名,身份证号\n张三,1\n')),
      400,
      'AFFAIRS_ERR_FILE_CONTENT',
      'file',
    );
    await refused(
      () => upload(t, id, '名单.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)])),
      400,
      'AFFAIRS_ERR_FILE_CONTENT',
      'file',
    );
    await refused(
      () => upload(t, id, '凭证.png', PDF, users.cadre, '?confirmNoPersonalData=true'),
      400,
      'AFFAIRS_ERR_FILE_CONTENT',
      'file',
    );
    await refused(
      () => upload(t, id, '凭证.pdf', PNG, users.cadre, '?confirmNoPersonalData=true'),
      400,
      'AFFAIRS_ERR_FILE_CONTENT',
      'file',
    );
    await refused(
      () => upload(t, id, '名单.csv', Buffer.from([0x41, 0x00, 0x42])),
      400,
      'AFFAIRS_ERR_FILE_CONTENT',
      'file',
    );
  });
  it('unknown types, empty and oversized files', async () => {
    const id = await draft(rosterDraft);
    await refused(() => upload(t, id, '程序.exe', PNG), 415, 'AFFAIRS_ERR_FILE_TYPE', 'x-filename');
    await refused(() => upload(t, id, '', PNG), 415, 'AFFAIRS_ERR_FILE_TYPE', 'x-filename');
    await refused(() => upload(t, id, '空.csv', Buffer.alloc(0)), 400, 'AFFAIRS_ERR_FILE_EMPTY', 'file');
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    await refused(
      () => upload(t, id, '大图.png', big, users.cadre, '?confirmNoPersonalData=true'),
      413,
      'AFFAIRS_ERR_FILE_TOO_LARGE',
      'file',
    );
    const huge = Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]);
    await refused(
      () => upload(t, id, '大文件.pdf', huge, users.cadre, '?confirmNoPersonalData=true'),
      413,
      'MODULE_ERR_TOO_LARGE',
    );
  });
  it('images and PDFs need the uploader’s confirmation', async () => {
    const id = await draft(rosterDraft);
    await refused(
      () => upload(t, id, '凭证.png', PNG),
      400,
      'AFFAIRS_ERR_CONFIRM_REQUIRED',
      'confirmNoPersonalData',
    );
    await refused(
      () => upload(t, id, '凭证.pdf', PDF, users.cadre, '?confirmNoPersonalData=false'),
      400,
      'AFFAIRS_ERR_CONFIRM_REQUIRED',
      'confirmNoPersonalData',
    );
  });
  it('uploads by roles that must not, and too many files', async () => {
    const id = await draft(rosterDraft);
    const xlsx = await rosterXlsx();
    await refused(() => upload(t, id, '名单.xlsx', xlsx, users.supervisor), 403, 'AFFAIRS_ERR_WRONG_ROLE');
    await refused(() => upload(t, id, '名单.xlsx', xlsx, users.resident), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(() => upload(t, id, '名单.xlsx', xlsx, users.cadreWs), 403, 'MODULE_ERR_FORBIDDEN');
    for (let i = 0; i < 10; i++) expect((await upload(t, id, `名单${i}.xlsx`, xlsx)).statusCode).toBe(201);
    await refused(() => upload(t, id, '名单10.xlsx', xlsx), 409, 'AFFAIRS_ERR_TOO_MANY_FILES', 'file');
  });
});

describe('questions', () => {
  it('on an unpublished item, by the wrong people, with bad text', async () => {
    const id = await draft();
    await refused(
      post(users.resident, `/published/${id}/questions`, { text: '这笔钱用在哪里了？' }),
      409,
      'AFFAIRS_ERR_NOT_PUBLISHED',
      'id',
    );
    const pub = await publish(t, rosterDraft);
    await refused(
      post({ village: XT, user: null }, `/published/${pub}/questions`, { text: '这笔钱用在哪里了？' }),
      401,
      'MODULE_ERR_SIGN_IN_REQUIRED',
    );
    await refused(
      post(null, `/published/${pub}/questions`, { text: '这笔钱用在哪里了？' }),
      401,
      'MODULE_ERR_SIGN_IN_REQUIRED',
    );
    await refused(
      post(users.cadre, `/published/${pub}/questions`, { text: '这笔钱用在哪里了？' }),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
    await refused(
      post(users.residentWs, `/published/${pub}/questions`, { text: '这笔钱用在哪里了？' }),
      404,
      'AFFAIRS_ERR_ITEM_NOT_FOUND',
    );
    await refused(
      post(users.resident, `/published/${pub}/questions`, { text: '为啥' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'text',
    );
    await refused(
      post(users.resident, `/published/${pub}/questions`, { text: '问'.repeat(501) }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'text',
    );
  });
  it('more than 20 questions a day from one resident', async () => {
    const pub = await publish(t, rosterDraft);
    for (let i = 0; i < 20; i++) {
      const res = await post(users.resident, `/published/${pub}/questions`, {
        text: `第 ${i + 1} 个问题：请说明`,
      })();
      expect(res.statusCode).toBe(201);
    }
    await refused(
      post(users.resident, `/published/${pub}/questions`, { text: '第二十一个问题' }),
      429,
      'AFFAIRS_ERR_TOO_MANY_QUESTIONS',
    );
    t.clock.advance(86_400_000);
    expect(
      (await post(users.resident, `/published/${pub}/questions`, { text: '第二天的问题' })()).statusCode,
    ).toBe(201);
  });

  it('answering twice, or by the wrong people', async () => {
    const pub = await publish(t, rosterDraft);
    const q = (
      await post(users.resident, `/published/${pub}/questions`, { text: '名单上第二户为什么有两人？' })()
    ).json();
    await refused(
      post(users.resident, `/questions/${q.id}/answer`, { text: '答复' }),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
    await refused(
      post(users.supervisor, `/questions/${q.id}/answer`, { text: '答复' }),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
    await refused(
      post(users.cadreWs, `/questions/${q.id}/answer`, { text: '答复' }),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
    await refused(
      post(users.cadre, `/questions/${q.id}/answer`, { text: '' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'text',
    );
    expect(
      (await post(users.cadre, `/questions/${q.id}/answer`, { text: '该户为两人户，已核实。' })()).statusCode,
    ).toBe(200);
    await refused(
      post(users.cadre2, `/questions/${q.id}/answer`, { text: '再次答复' }),
      409,
      'AFFAIRS_ERR_ALREADY_ANSWERED',
    );
  });
});

describe('catalogue and settings', () => {
  const item = {
    category: 'village',
    title: '县级专项',
    basis: '县政府文件',
    cadence: 'quarterly',
    deadline: { kind: 'after-period', day: 15 },
    owner: '村委会',
  };
  it('who may add or replace catalogue items', async () => {
    await refused(post(users.resident, '/catalogue', item), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(post(users.supervisor, '/catalogue', item), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(post(users.township, '/catalogue', item), 403, 'MODULE_ERR_FORBIDDEN');
    await refused(
      post(users.county, '/catalogue', { ...item, replaces: 'dibao-roster' }),
      403,
      'AFFAIRS_ERR_SCOPE',
      'replaces',
    );
    await refused(
      post(users.province, '/catalogue', { ...item, replaces: 'no-such' }),
      400,
      'AFFAIRS_ERR_CATALOGUE_ITEM',
      'replaces',
    );
    await refused(
      post(users.county, '/catalogue', { ...item, cadence: 'immediate' }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'deadline',
    );
    expect(
      (await post(users.province, '/catalogue', { ...item, replaces: 'dibao-roster' })()).statusCode,
    ).toBe(201);
    await refused(
      post(users.province, '/catalogue', { ...item, replaces: 'dibao-roster' }),
      409,
      'AFFAIRS_ERR_CATALOGUE_KEY',
      'replaces',
    );
  });
  it('who may set the answer limit', async () => {
    await refused(
      () =>
        t.inject({
          as: users.cadre,
          method: 'PUT',
          url: '/settings',
          payload: { scope: '330521', answerDays: 7 },
        }),
      403,
      'MODULE_ERR_FORBIDDEN',
    );
    await refused(
      () =>
        t.inject({
          as: users.county,
          method: 'PUT',
          url: '/settings',
          payload: { scope: '330000', answerDays: 7 },
        }),
      403,
      'AFFAIRS_ERR_SCOPE',
      'scope',
    );
    await refused(
      () =>
        t.inject({
          as: users.county,
          method: 'PUT',
          url: '/settings',
          payload: { scope: '330521', answerDays: 0 },
        }),
      400,
      'MODULE_ERR_INVALID_ARGUMENT',
      'answerDays',
    );
    await refused(
      () =>
        t.inject({
          as: users.countyOther,
          method: 'PUT',
          url: '/settings',
          payload: { scope: '330521', answerDays: 7 },
        }),
      403,
      'AFFAIRS_ERR_SCOPE',
      'scope',
    );
    const put = (scope: string) => () =>
      t.inject({ as: users.province, method: 'PUT', url: '/settings', payload: { scope, answerDays: 7 } });
    await refused(put('370323'), 403, 'AFFAIRS_ERR_SCOPE', 'scope');
    await refused(put('370000'), 403, 'AFFAIRS_ERR_SCOPE', 'scope');
    expect((await put('330521')()).statusCode).toBe(200);
  });
});

describe('no route edits or deletes a published revision', () => {
  it('every route with an :id, called on a published revision, leaves it as it was', async () => {
    const id = await publish(t, rosterDraft, true);
    const published = async () =>
      JSON.stringify({
        item: await t.context.db
          .selectFrom('affairs_disclosure_item')
          .selectAll()
          .where('id', '=', id)
          .execute(),
        attachments: await t.context.db
          .selectFrom('affairs_disclosure_attachment')
          .selectAll()
          .where('item_id', '=', id)
          .execute(),
      });
    const before = await published();
    const aid = JSON.parse(before).attachments[0].id as string;
    const mutating = ROUTES.filter((r) => r.method !== 'GET' && r.url.includes(':id'));
    expect(mutating.length).toBeGreaterThanOrEqual(12);
    for (const route of mutating) {
      const url = route.url.replace(':id', id).replace(':aid', aid);
      for (const as of [
        users.cadre,
        users.cadre2,
        users.supervisor,
        users.township,
        users.county,
        users.resident,
      ]) {
        const res = await t.inject({
          as,
          method: route.method,
          url,
          payload: {
            title: '篡改',
            body: '篡改',
            reason: '篡改理由',
            meetingDate: '2026-11-02',
            text: '篡改的内容很长',
          },
        });
        expect(res.statusCode, `${route.method} ${route.url} as ${as.role}`).toBeLessThan(500);
        expect(await published(), `${route.method} ${route.url} as ${as.role}`).toBe(before);
      }
    }
  });
});
