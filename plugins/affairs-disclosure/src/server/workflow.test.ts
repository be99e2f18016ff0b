// @vitest-environment node
/** The workflow through the real routes: drafting, masking, review, publication, corrections. */
import { findPersonalData } from '@cunmen/pii';
import { describe, expect, it } from 'vitest';
import {
  CARD,
  financeDraft,
  freshApp,
  ID1,
  ID2,
  MOBILE,
  PNG,
  publish,
  rosterCsv,
  rosterDraft,
  rosterXlsx,
  upload,
  users,
} from './test-helpers.js';

const t = freshApp();

const auditActions = async () => (await t.audit.list({ limit: 10_000 })).map((e) => e.action);

describe('drafting and the masked preview', () => {
  it('masks text, finance subjects and lists on save and shows the count before submitting', async () => {
    const created = await t.inject({ as: users.cadre, method: 'POST', url: '/items', payload: rosterDraft });
    expect(created.statusCode).toBe(201);
    const item = created.json();
    expect(item.status).toBe('draft');
    expect(item.maskNames).toBe(true);
    expect(JSON.stringify(item.blocks)).not.toContain(ID1);
    expect(item.masked).toBe(1);
    const up = await upload(t, item.id, '低保名单.xlsx', await rosterXlsx());
    expect(up.statusCode).toBe(201);
    const att = up.json();
    expect(att.kind).toBe('xlsx');
    expect(att.masked).toBeGreaterThanOrEqual(7);
    const sheet = JSON.stringify(att.sheets);
    for (const secret of [ID1, ID2, MOBILE, CARD, '张三丰', '李秀英']) expect(sheet).not.toContain(secret);
    expect(sheet).toContain('保障人数');
    const preview = await t.inject({ as: users.cadre, url: `/items/${item.id}/preview` });
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    // The roster's names are masked in the body too (张三丰 → 张**), besides the ID number.
    expect(p.masked.text).toBe(2);
    expect(JSON.stringify(p.item.blocks)).not.toContain('张三丰');
    expect(p.masked.lists).toBe(att.masked);
    expect(p.masked.total).toBe(2 + att.masked);
    expect(findPersonalData(preview.body)).toEqual([]);
    expect(p.item.actions).toEqual(['edit', 'delete', 'submit']);
  });

  it('keeps names visible in lists of items without maskNames, but never the numbers', async () => {
    const created = await t.inject({
      as: users.cadre,
      method: 'POST',
      url: '/items',
      payload: { ...financeDraft, catalogueKey: 'agri-subsidy', period: '2026-Q3', finance: undefined },
    });
    const up = await upload(t, created.json().id, '补贴.xlsx', await rosterXlsx());
    const sheet = JSON.stringify(up.json().sheets);
    expect(sheet).toContain('张三丰');
    expect(sheet).not.toContain(ID1);
    expect(sheet).not.toContain(MOBILE);
  });

  it('masks a CSV roster and its names in the text of a maskNames item', async () => {
    const created = await t.inject({ as: users.cadre, method: 'POST', url: '/items', payload: rosterDraft });
    const id = created.json().id;
    const up = await upload(t, id, '名单.csv', rosterCsv());
    expect(up.statusCode).toBe(201);
    const sheet = JSON.stringify(up.json().sheets);
    for (const secret of [ID1, ID2, MOBILE, CARD, '张三丰', '李秀英']) expect(sheet).not.toContain(secret);
    const view = (await t.inject({ as: users.cadre, url: `/items/${id}` })).json();
    expect(JSON.stringify(view.blocks)).not.toContain('张三丰');
    expect(JSON.stringify(view.blocks)).toContain('张**');
    // Removing the list unmasks nothing that was never a number: the names come back in the text.
    const del = await t.inject({
      as: users.cadre,
      method: 'DELETE',
      url: `/items/${id}/attachments/${up.json().id}`,
    });
    expect(del.statusCode).toBe(200);
    expect(
      JSON.stringify((await t.inject({ as: users.cadre, url: `/items/${id}` })).json().blocks),
    ).toContain('张三丰');
  });

  it('lets a cadre edit a draft and a returned draft', async () => {
    const id = (
      await t.inject({ as: users.cadre, method: 'POST', url: '/items', payload: financeDraft })
    ).json().id;
    const edit = await t.inject({
      as: users.cadre2,
      method: 'PUT',
      url: `/items/${id}`,
      payload: { title: '十月收支（修订）', body: '正文', finance: financeDraft.finance },
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json().title).toBe('十月收支（修订）');
    await t.inject({ as: users.cadre, method: 'POST', url: `/items/${id}/submit` });
    const back = await t.inject({
      as: users.supervisor,
      method: 'POST',
      url: `/items/${id}/return`,
      payload: { reason: '支出缺少凭证' },
    });
    expect(back.json()).toMatchObject({ status: 'returned', returnReason: '支出缺少凭证' });
    const again = await t.inject({
      as: users.cadre,
      method: 'PUT',
      url: `/items/${id}`,
      payload: { title: '十月收支（补凭证）', body: '已补充凭证' },
    });
    expect(again.json().status).toBe('returned');
    expect(
      (await t.inject({ as: users.cadre, method: 'POST', url: `/items/${id}/submit` })).json().status,
    ).toBe('submitted');
  });
});

describe('review and publication', () => {
  it('records every step with who and when, and audits it', async () => {
    const id = await publish(t, financeDraft);
    const view = (await t.inject({ as: users.cadre, url: `/items/${id}` })).json();
    expect(view.status).toBe('published');
    expect(view.councilDate).toBe('2026-11-02');
    expect(view.steps.map((s: { action: string; actor: string }) => `${s.action}:${s.actor}`)).toEqual([
      'create:cadre-xt',
      'submit:cadre-xt',
      'approve:supervisor-xt',
      'council:cadre-xt',
      'publish:cadre-xt',
    ]);
    expect(view.steps.every((s: { at: string }) => s.at === '2026-11-02T01:00:00.000Z')).toBe(true);
    expect(await auditActions()).toEqual([
      'affairs-disclosure.item.create',
      'affairs-disclosure.item.submit',
      'affairs-disclosure.item.approve',
      'affairs-disclosure.item.council',
      'affairs-disclosure.item.publish',
    ]);
  });

  it('publishes a correction as a new revision while the old one stays readable', async () => {
    const id = await publish(t, financeDraft);
    const rev = await t.inject({
      as: users.cadre,
      method: 'POST',
      url: `/items/${id}/revisions`,
      payload: { reason: '保洁费金额有误' },
    });
    expect(rev.statusCode).toBe(201);
    const r2 = rev.json();
    expect(r2).toMatchObject({ revision: 2, rootId: id, status: 'draft', revisionReason: '保洁费金额有误' });
    // The old revision is still what residents read.
    expect(
      (await t.inject({ as: users.resident, url: '/published' }))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([id]);
    const fixed = {
      ...financeDraft.finance,
      rows: [financeDraft.finance.rows[0], { subject: '道路保洁费', income: 0, expenditure: 100_000 }],
      closingBalance: 1_400_000,
    };
    expect(
      (
        await t.inject({
          as: users.cadre,
          method: 'PUT',
          url: `/items/${r2.id}`,
          payload: { title: financeDraft.title, body: '更正后', finance: fixed },
        })
      ).statusCode,
    ).toBe(200);
    for (const [as, url, payload] of [
      [users.cadre, 'submit', {}],
      [users.supervisor, 'approve', { note: '已核对' }],
      [users.cadre2, 'council', { meetingDate: '2026-11-02' }],
      [users.cadre2, 'publish', {}],
    ] as const) {
      expect(
        (await t.inject({ as, method: 'POST', url: `/items/${r2.id}/${url}`, payload })).statusCode,
      ).toBe(200);
    }
    const list = (await t.inject({ as: users.resident, url: '/published' })).json().items;
    expect(list.map((i: { id: string }) => i.id)).toEqual([r2.id]);
    const old = (await t.inject({ as: users.resident, url: `/published/${id}` })).json();
    expect(old.status).toBe('superseded');
    expect(old.finance.closingBalance).toBe(1_380_000);
    expect(old.history.map((h: { revision: number; status: string }) => `${h.revision}:${h.status}`)).toEqual(
      ['2:published', '1:superseded'],
    );
  });

  it('refuses a second correction while one is open', async () => {
    const id = await publish(t, financeDraft);
    await t.inject({
      as: users.cadre,
      method: 'POST',
      url: `/items/${id}/revisions`,
      payload: { reason: '金额有误' },
    });
    const res = await t.inject({
      as: users.cadre,
      method: 'POST',
      url: `/items/${id}/revisions`,
      payload: { reason: '再次更正' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('AFFAIRS_ERR_REVISION_OPEN');
  });

  it('warns reviewers about images and PDFs that cannot be machine-checked', async () => {
    const id = (
      await t.inject({ as: users.cadre, method: 'POST', url: '/items', payload: financeDraft })
    ).json().id;
    const up = await upload(t, id, '凭证.png', PNG, users.cadre, '?confirmNoPersonalData=true');
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ kind: 'image', unchecked: true });
    const view = (await t.inject({ as: users.supervisor, url: `/items/${id}/preview` })).json();
    expect(view.warnings).toEqual([{ code: 'unchecked-file', filename: '凭证.png' }]);
  });
});

describe('originals', () => {
  it('serves the unmasked original only to authorised roles, and audits every view', async () => {
    const id = (
      await t.inject({ as: users.cadre, method: 'POST', url: '/items', payload: rosterDraft })
    ).json().id;
    const bytes = await rosterXlsx();
    const aid = (await upload(t, id, '低保名单.xlsx', bytes)).json().id;
    for (const as of [users.cadre, users.supervisor, users.township, users.county]) {
      const res = await t.inject({ as, url: `/items/${id}/original` });
      expect(res.statusCode).toBe(200);
      expect(res.json().body).toContain(ID1);
    }
    const file = await t.inject({ as: users.supervisor, url: `/items/${id}/original/attachments/${aid}` });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(bytes)).toBe(true);
    const audit = (await t.audit.list({ limit: 10_000 })).filter((e) => e.action.includes('original'));
    expect(audit.map((e) => `${e.action}:${e.actor}`)).toEqual([
      'affairs-disclosure.original.view:cadre-xt',
      'affairs-disclosure.original.view:supervisor-xt',
      'affairs-disclosure.original.view:township-mgs',
      'affairs-disclosure.original.view:county-dq',
      'affairs-disclosure.original.download:supervisor-xt',
    ]);
    for (const as of [
      users.resident,
      users.merchant,
      users.cadreWs,
      users.supervisorWs,
      users.townshipOther,
      users.countyOther,
      null,
    ]) {
      const res = await t.inject({ as, url: `/items/${id}/original` });
      expect([401, 403]).toContain(res.statusCode);
      expect(res.body).not.toContain(ID1);
      const f = await t.inject({ as, url: `/items/${id}/original/attachments/${aid}` });
      expect([401, 403]).toContain(f.statusCode);
    }
  });
});

describe('dashboard', () => {
  it('shows due, overdue and published per village, township and county, from the clock', async () => {
    await publish(t, rosterDraft, true);
    const village = (await t.inject({ as: users.cadre, url: '/dashboard' })).json();
    expect(village.period).toBe('2026-Q3');
    const rows = village.villages[0].rows;
    expect(rows.find((r: { key: string }) => r.key === 'dibao-roster')).toMatchObject({
      state: 'published',
      late: true,
    });
    expect(
      rows.find((r: { key: string; period: string }) => r.key === 'finance-ledger' && r.period === '2026-09')
        .state,
    ).toBe('overdue');
    const q4 = (await t.inject({ as: users.cadre, url: '/dashboard?period=2026-Q4' })).json();
    expect(q4.villages[0].rows.find((r: { key: string }) => r.key === 'dibao-roster').state).toBe('due');
    const county = (await t.inject({ as: users.county, url: '/dashboard?division=330521' })).json();
    expect(county.villages.map((v: { code: string }) => v.code)).toEqual(['330521003201', '330521107201']);
    expect(county.totals.published).toBe(1);
    expect(county.totals.overdue).toBe(county.villages[0].counts.overdue + county.villages[1].counts.overdue);
    const province = (await t.inject({ as: users.province, url: '/dashboard?division=330000' })).json();
    expect(province.villages.map((v: { code: string }) => v.code)).toEqual(['330521003201', '330521107201']);
    expect(province.totals.published).toBe(1);
    const township = (await t.inject({ as: users.township, url: '/dashboard?division=330521107' })).json();
    expect(township.villages).toHaveLength(1);
    const refused = await t.inject({ as: users.townshipOther, url: '/dashboard?division=330521107' });
    expect(refused.statusCode).toBe(403);
    expect((await t.inject({ as: users.county, url: '/dashboard?period=2026-11-02' })).json().code).toBe(
      'AFFAIRS_ERR_PERIOD',
    );
    expect((await t.inject({ as: users.county, url: '/dashboard?division=330521999' })).json().code).toBe(
      'AFFAIRS_ERR_DIVISION',
    );
    expect((await t.inject({ as: users.county, url: '/dashboard?division=330599' })).json().code).toBe(
      'MODULE_ERR_FORBIDDEN',
    );
  });
});
