// @vitest-environment node
/** Time limits and escalation, the settings that set them, the metrics and the public board. */
import { describe, expect, it } from 'vitest';
import type { CaseDetail, MetricsAnswer, SettingsAnswer } from '../common/index.js';
import { C, freshApp, inV, must, submit, T, users, V } from './test-helpers.js';

const t = freshApp();
const u = users();

const HOUR = 3600_000;

describe('time limits and escalation', () => {
  it('escalates each passed limit to the township once, on the next request, in history and audit', async () => {
    const { id } = await submit(t, u.resident, { category: 'utilities' }); // reply within 24 h
    t.clock.advance(2 * HOUR);
    await t.inject({ as: u.cadre, url: '/cases' });
    let d = (await t.inject({ as: u.resident, url: `/cases/${id}` })).json() as CaseDetail;
    expect(d.history.map((e) => e.action)).toEqual(['submit']); // exactly at the limit: not late yet

    t.clock.advance(1);
    d = (await t.inject({ as: u.resident, url: `/cases/${id}` })).json() as CaseDetail;
    expect(d.deadlines.acceptOverdue).toBe(true);
    expect(d.history.map((e) => e.action)).toEqual(['submit', 'escalate']);
    expect(d.history[1]).toMatchObject({
      unit: '系统',
      target: '莫干山镇人民政府',
      note: '超过受理时限，已提级至乡镇督办',
    });

    // More requests do not escalate again.
    await t.inject({ as: u.cadre, url: '/cases' });
    await t.inject({ as: inV(u.town), url: '/metrics?division=330521107' });
    await must(t, u.cadre, id, 'accept');
    const escalations = () =>
      t.audit.list().then((l) => l.filter((e) => e.action === 'complaints.case.escalate'));
    expect((await escalations()).map((e) => e.detail)).toEqual([
      { tracking: 'JS20261102-0001', village: V, limit: 'accept', to: T },
    ]);

    t.clock.advance(22 * HOUR);
    await t.inject({ as: u.cadre, url: '/cases' });
    await t.inject({ as: u.cadre, url: '/cases' });
    expect((await escalations()).map((e) => (e.detail as { limit: string }).limit)).toEqual([
      'accept',
      'reply',
    ]);
    d = (await t.inject({ as: u.resident, url: `/cases/${id}` })).json() as CaseDetail;
    expect(d.history.map((e) => e.action)).toEqual(['submit', 'escalate', 'accept', 'escalate']);
    expect(d.deadlines.replyOverdue).toBe(true);

    // A late reply keeps the flag; no more escalations.
    await must(t, u.cadre, id, 'reply', { answer: '已修复' });
    d = (await t.inject({ as: u.resident, url: `/cases/${id}` })).json() as CaseDetail;
    expect(d.deadlines).toMatchObject({ acceptOverdue: true, replyOverdue: true });
    expect((await escalations()).length).toBe(2);
  });

  it('uses the county’s settings over the province’s over the defaults', async () => {
    const put = (as: typeof u.county, division: string, body: unknown) =>
      t.inject({ as, method: 'PUT', url: `/settings?division=${division}`, payload: body as object });
    const province = {
      acceptHours: 3,
      replyHours: { emergency: 1, utilities: 12, general: 120, complex: 240 },
      weights: { response: 40, resolution: 30, satisfaction: 30 },
    };
    expect((await put(u.province, '330000', province)).statusCode).toBe(200);
    let got = (await t.inject({ as: inV(u.county), url: '/settings' })).json() as SettingsAnswer;
    expect(got).toMatchObject({ division: C, source: 'province', settings: province });
    const a = (await submit(t, u.resident)) as unknown as CaseDetail;
    expect(a.deadlines.acceptDue).toBe('2026-11-02T04:00:00.000Z');
    expect(a.deadlines.replyDue).toBe('2026-11-07T01:00:00.000Z');

    const county = { ...province, acceptHours: 1 };
    const res = await put(u.county, C, county);
    expect(res.json()).toMatchObject({ source: 'division', updatedBy: u.county.name });
    got = (await t.inject({ as: u.cadre, url: '/settings' })).json() as SettingsAnswer;
    expect(got).toMatchObject({ division: C, source: 'division', settings: county });
    const b = (await submit(t, u.resident)) as unknown as CaseDetail;
    expect(b.deadlines.acceptDue).toBe('2026-11-02T02:00:00.000Z');
    // Existing cases keep the limits they were submitted under.
    const again = (await t.inject({ as: u.resident, url: `/cases/${a.id}` })).json() as CaseDetail;
    expect(again.deadlines.acceptDue).toBe('2026-11-02T04:00:00.000Z');
    expect(
      (await t.audit.list()).filter((e) => e.action === 'complaints.settings.update').map((e) => e.subject),
    ).toEqual(['settings:330000', 'settings:330521']);
    // Other counties of the province still follow the province.
    const other = (
      await t.inject({ as: u.province, url: '/settings?division=330522' })
    ).json() as SettingsAnswer;
    expect(other.source).toBe('province');
  });
});

describe('metrics', () => {
  it('computes response, resolution and satisfaction rates per village, township and month', async () => {
    // Case 1: accepted in time, resolved, satisfied.
    const c1 = await submit(t, u.resident);
    await must(t, u.cadre, c1.id, 'accept');
    await must(t, u.cadre, c1.id, 'reply', { answer: '已处理' });
    await must(t, u.cadre, c1.id, 'close', { resolved: true });
    await must(t, u.resident, c1.id, 'rate', { rating: 'satisfied' });
    // Case 2: accepted late, closed unresolved, dissatisfied.
    const c2 = await submit(t, u.neighbour);
    t.clock.advance(3 * HOUR);
    await must(t, u.cadre, c2.id, 'accept');
    await must(t, u.cadre, c2.id, 'reply', { answer: '无法处理' });
    await must(t, u.cadre, c2.id, 'close', { resolved: false });
    await must(t, u.neighbour, c2.id, 'rate', { rating: 'dissatisfied' });
    // Case 3: still waiting.
    await submit(t, u.resident);
    // Case 4 in another township, accepted in time.
    const c4 = await submit(t, u.residentB);
    await must(t, u.cadreB, c4.id, 'accept');

    const village = (await t.inject({ as: u.cadre, url: '/metrics?period=2026-11' })).json() as MetricsAnswer;
    expect(village.division).toBe(V);
    expect(village.totals).toEqual({
      cases: 3,
      acceptedInTime: 1,
      resolved: 1,
      rated: 2,
      satisfied: 1,
      responseRate: 0.3333,
      resolutionRate: 0.3333,
      satisfactionRate: 0.5,
      score: 39.2,
    });
    expect(village.children).toEqual([]);
    expect(village.months.map((m) => [m.month, m.metrics.cases])).toEqual([['2026-11', 3]]);

    const county = (
      await t.inject({ as: inV(u.county), url: `/metrics?division=${C}&from=2026-10-01&to=2026-11-30` })
    ).json() as MetricsAnswer;
    expect(county.totals.cases).toBe(4);
    expect(county.totals.acceptedInTime).toBe(2);
    expect(county.children.map((c) => [c.division, c.name, c.metrics.cases, c.metrics.responseRate])).toEqual(
      [
        ['330521003', '阜溪街道', 1, 1],
        ['330521107', '莫干山镇', 3, 0.3333],
      ],
    );
    expect(county.months.map((m) => [m.month, m.metrics.cases])).toEqual([
      ['2026-10', 0],
      ['2026-11', 4],
    ]);

    const town = (
      await t.inject({ as: inV(u.town), url: `/metrics?division=${T}&period=2026-Q4` })
    ).json() as MetricsAnswer;
    expect(town.children.map((c) => [c.name, c.metrics.cases])).toEqual([['仙潭村', 3]]);

    const empty = (await t.inject({ as: u.cadre, url: '/metrics?period=2026-10' })).json() as MetricsAnswer;
    expect(empty.totals).toMatchObject({ cases: 0, responseRate: null, score: null });
  });
});

describe('the public board', () => {
  it('shows received and answered dates, the answering unit and the masked answer — never who complained', async () => {
    const { id } = await submit(t, u.resident, {
      text: '我的电话 13812345678，身份证 330521195001011237，门口水管漏水',
    });
    const hidden = await submit(t, u.neighbour, { public: false });
    await submit(t, u.resident, { text: '还没有答复的事' });
    await must(t, u.cadre, id, 'accept');
    await must(t, u.cadre, id, 'dispatch', { target: T });
    t.clock.advance(HOUR);
    await must(t, inV(u.town), id, 'reply', { answer: '已联系自来水公司，维修师傅电话 13987654321' });
    await must(t, u.cadre, hidden.id, 'accept');
    await must(t, u.cadre, hidden.id, 'reply', { answer: '已处理' });

    for (const as of [null, { village: V, user: null }, u.residentB]) {
      const res = await t.inject({ as, url: `/board?village=${V}` });
      expect(res.statusCode).toBe(200);
      const board = res.json();
      expect(board.villageName).toBe('仙潭村');
      expect(board.items).toHaveLength(1);
      expect(board.items[0]).toMatchObject({
        tracking: 'JS20261102-0001',
        receivedAt: '2026-11-02T01:00:00.000Z',
        answeredAt: '2026-11-02T02:00:00.000Z',
        answerUnit: '莫干山镇人民政府',
        status: 'replied',
      });
      const raw = res.body;
      for (const secret of [
        '13812345678',
        '330521195001011237',
        '13987654321',
        '张阿婆',
        '李大伯',
        u.resident.name,
        String(u.resident.household),
        'resident',
        id,
      ]) {
        expect(raw, secret).not.toContain(secret);
      }
      expect(board.metrics.cases).toBe(3);
    }
    // The anonymous portal credential defaults to its own village.
    const own = await t.inject({ as: { village: V, user: null }, url: '/board' });
    expect(own.json().items).toHaveLength(1);
  });
});
