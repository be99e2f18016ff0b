// @vitest-environment node
import type { ModuleTestApp } from '@cunmen/module-api/testing';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetail, MetricsAnswer, SettingsAnswer } from '../common/index.js';
import { C, inV, JPEG, must, PNG, setup, submit, T, upload, V, V2 } from './test-helpers.js';

let t: ModuleTestApp;
afterEach(async () => {
  await t?.close();
});

const HOUR = 3600_000;

describe('submitting', () => {
  it('gives a tracking number per village and day (China time) and records the submission', async () => {
    const s = await setup();
    t = s.t;
    const a = await submit(t, s.u.resident);
    const b = await submit(t, s.u.neighbour, { category: 'utilities' });
    const c = await submit(t, s.u.residentB);
    // 2026-11-02T01:00Z is 09:00 on 2 November in China.
    expect([a.tracking, b.tracking, c.tracking]).toEqual([
      'JS20261102-0001',
      'JS20261102-0002',
      'JS20261102-0001',
    ]);
    t.clock.advance(16 * HOUR); // 01:00 on 3 November in China
    expect((await submit(t, s.u.resident)).tracking).toBe('JS20261103-0001');
    const detail = a as unknown as CaseDetail;
    expect(detail.status).toBe('submitted');
    expect(detail.deadlines.acceptDue).toBe('2026-11-02T03:00:00.000Z');
    expect(detail.deadlines.replyDue).toBe('2026-11-09T01:00:00.000Z');
    expect((b as unknown as CaseDetail).deadlines.replyDue).toBe('2026-11-03T01:00:00.000Z');
    expect(detail.history.map((e) => e.action)).toEqual(['submit']);
    expect(detail.actions).toEqual([]);
    const audit = await t.audit.list();
    expect(audit.map((e) => e.action)).toEqual(Array(4).fill('complaints.case.submit'));
    expect(audit[0]?.actor).toBe(s.u.resident.name);
  });

  it('attaches the resident’s own photos in order and serves them only to the owner and staff in scope', async () => {
    const s = await setup();
    t = s.t;
    const p1 = (await upload(t, s.u.resident)).json() as { id: string; type: string };
    const p2 = (await upload(t, s.u.resident, PNG, 'application/octet-stream')).json() as {
      id: string;
      type: string;
    };
    expect([p1.type, p2.type]).toEqual(['image/jpeg', 'image/png']);
    const created = (await submit(t, s.u.resident, {
      photos: [p2.id, p1.id],
      place: '村口石桥',
      location: { lat: 30.6, lng: 119.9 },
    })) as unknown as CaseDetail;
    expect(created.photos).toEqual([p2.id, p1.id]);
    expect(created.place).toBe('村口石桥');
    expect(created.location).toEqual({ lat: 30.6, lng: 119.9 });

    const own = await t.inject({ as: s.u.resident, url: `/photos/${p1.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.from(own.rawPayload).equals(JPEG)).toBe(true);

    const staff = await t.inject({ as: s.u.cadre, url: `/photos/${p1.id}` });
    expect(staff.statusCode).toBe(200);
    expect((await t.audit.list()).at(-1)).toMatchObject({
      action: 'complaints.photo.view',
      actor: s.u.cadre.name,
    });

    for (const as of [s.u.neighbour, s.u.cadreB, s.u.residentB]) {
      const res = await t.inject({ as, url: `/photos/${p1.id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('COMPLAINTS_ERR_PHOTO_NOT_FOUND');
    }
    expect((await t.inject({ url: `/photos/${p1.id}` })).statusCode).toBe(401);
  });
});

describe('the closed loop', () => {
  it('runs accept → dispatch → return → dispatch → transfer → reply → close → follow-up → rate with first-receiver ownership', async () => {
    const s = await setup();
    t = s.t;
    const { id } = await submit(t, s.u.resident);

    let d = (await must(t, s.u.cadre, id, 'accept', { note: '已电话联系' })) as CaseDetail;
    expect(d.status).toBe('accepted');
    expect(d.owner).toEqual({ division: V, department: null, name: '仙潭村村民委员会' });
    expect(d.handler?.name).toBe('仙潭村村民委员会');
    expect(d.actions).toEqual(['dispatch', 'reply']);

    d = (await must(t, s.u.cadre, id, 'dispatch', { target: T, department: '城建办' })) as CaseDetail;
    expect(d.status).toBe('dispatched');
    expect(d.handler).toEqual({ division: T, department: '城建办', name: '莫干山镇人民政府城建办' });
    expect(d.owner?.division).toBe(V);

    d = (await must(t, inV(s.u.town), id, 'return', { reason: '属于县里管理的公路' })) as CaseDetail;
    expect(d.status).toBe('returned');
    expect(d.handler?.division).toBe(V);

    d = (await must(t, s.u.cadre, id, 'dispatch', { target: C, department: '交通运输局' })) as CaseDetail;
    expect(d.handler?.name).toBe('德清县交通运输局');

    d = (await must(t, inV(s.u.county), id, 'transfer', { target: T, note: '由镇里就近处理' })) as CaseDetail;
    expect(d.status).toBe('dispatched');
    expect(d.handler?.name).toBe('莫干山镇人民政府');
    expect(d.owner?.name).toBe('仙潭村村民委员会');

    d = (await must(t, inV(s.u.town), id, 'reply', {
      answer: '路灯已于今天下午修好，联系电话 13812345678',
    })) as CaseDetail;
    expect(d.status).toBe('replied');
    expect(d.answerUnit).toBe('莫干山镇人民政府');

    d = (await must(t, s.u.cadre, id, 'close', { resolved: true })) as CaseDetail;
    expect(d.status).toBe('closed');
    expect(d.resolved).toBe(true);

    d = (await must(t, s.u.cadre, id, 'follow-up', { note: '村民表示满意' })) as CaseDetail;
    expect(d.status).toBe('followed-up');

    const rated = (await must(t, s.u.resident, id, 'rate', {
      rating: 'satisfied',
      comment: '谢谢',
    })) as CaseDetail;
    expect(rated.rating).toBe('satisfied');
    expect(rated.actions).toEqual([]);

    const actions = [
      'submit',
      'accept',
      'dispatch',
      'return',
      'dispatch',
      'transfer',
      'reply',
      'close',
      'follow-up',
      'rate',
    ];
    expect(rated.history.map((e) => e.action)).toEqual(actions);
    // The resident's timeline names units, never staff accounts.
    expect(rated.history.every((e) => e.actor === undefined)).toBe(true);
    expect(rated.history[3]).toMatchObject({
      unit: '莫干山镇人民政府',
      target: '仙潭村村民委员会',
      note: '属于县里管理的公路',
    });
    expect(rated.resident).toBeUndefined();

    const staffView = (await t.inject({ as: s.u.cadre, url: `/cases/${id}` })).json() as CaseDetail;
    expect(staffView.history[1]).toMatchObject({
      action: 'accept',
      actor: '仙潭村干部',
      unit: '仙潭村村民委员会',
    });
    expect(staffView.resident).toEqual({ name: '张阿婆', household: s.u.resident.household });

    const audit = (await t.audit.list()).map((e) => e.action);
    expect(audit).toEqual([
      'complaints.case.submit',
      'complaints.case.accept',
      'complaints.case.dispatch',
      'complaints.case.return',
      'complaints.case.dispatch',
      'complaints.case.transfer',
      'complaints.case.reply',
      'complaints.case.close',
      'complaints.case.follow-up',
      'complaints.case.rate',
      'complaints.case.view',
    ]);
    expect((await t.audit.verify()).ok).toBe(true);

    const mine = (await t.inject({ as: s.u.resident, url: '/cases/mine' })).json();
    expect(mine.open).toBe(0);
    expect(mine.items[0]).toMatchObject({
      id,
      status: 'followed-up',
      rating: 'satisfied',
      handlerUnit: '莫干山镇人民政府',
    });
  });

  it('lets the owner answer itself and the resident rate right after close', async () => {
    const s = await setup();
    t = s.t;
    const { id } = await submit(t, s.u.resident);
    await must(t, s.u.cadre, id, 'accept');
    await must(t, s.u.cadre, id, 'reply', { answer: '已安排电工维修' });
    await must(t, s.u.cadre, id, 'close', { resolved: false, note: '需要县供电公司排期' });
    const d = (await must(t, s.u.resident, id, 'rate', { rating: 'dissatisfied' })) as CaseDetail;
    expect(d).toMatchObject({
      status: 'closed',
      rating: 'dissatisfied',
      resolved: false,
      answerUnit: '仙潭村村民委员会',
    });
  });

  it('lets the township accept a case and own it', async () => {
    const s = await setup();
    t = s.t;
    const { id } = await submit(t, s.u.resident);
    const d = (await must(t, inV(s.u.town), id, 'accept')) as CaseDetail;
    expect(d.owner?.name).toBe('莫干山镇人民政府');
    const queue = (await t.inject({ as: inV(s.u.town), url: '/cases?scope=unit' })).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(queue.items[0].actions).toEqual(['dispatch', 'reply']);
  });
});

describe('the staff queue', () => {
  it('is scoped by division and flags overdue cases first', async () => {
    const s = await setup();
    t = s.t;
    const late = await submit(t, s.u.resident);
    t.clock.advance(3 * HOUR);
    const fresh = await submit(t, s.u.neighbour);
    const other = await submit(t, s.u.residentB);

    const village = (await t.inject({ as: s.u.cadre, url: '/cases' })).json();
    expect(village.items.map((c: { id: string }) => c.id)).toEqual([late.id, fresh.id]);
    expect(village.items[0].deadlines).toMatchObject({
      acceptOverdue: true,
      escalatedAt: '2026-11-02T04:00:00.000Z',
    });
    expect(village.items[1].deadlines.acceptOverdue).toBe(false);

    const overdue = (await t.inject({ as: s.u.cadre, url: '/cases?overdue=1' })).json();
    expect(overdue.items.map((c: { id: string }) => c.id)).toEqual([late.id]);

    const county = (await t.inject({ as: inV(s.u.county), url: '/cases?scope=division' })).json();
    expect(county.items.map((c: { id: string }) => c.id).sort()).toEqual(
      [late.id, fresh.id, other.id].sort(),
    );
    const townB = (await t.inject({ as: inV(s.u.townB, V2), url: '/cases?scope=division' })).json();
    expect(townB.items.map((c: { id: string }) => c.id)).toEqual([other.id]);

    expect((await t.audit.list()).filter((e) => e.action === 'complaints.case.list').at(-1)).toMatchObject({
      actor: s.u.townB.name,
      subject: 'division:330521003',
      detail: { scope: 'division', status: 'open', count: 1 },
    });

    const supervisor = await t.inject({ as: s.u.supervisor, url: '/cases' });
    expect(supervisor.statusCode).toBe(200);
    expect(supervisor.json().items.every((c: { actions: string[] }) => c.actions.length === 0)).toBe(true);

    const all = (await t.inject({ as: s.u.cadre, url: '/cases?status=all' })).json();
    expect(all.total).toBe(2);
    const none = (await t.inject({ as: s.u.cadre, url: '/cases?status=closed' })).json();
    expect(none.total).toBe(0);
  });
});

describe('time limits and escalation', () => {
  it('escalates each passed limit to the township once, on the next request, in history and audit', async () => {
    const s = await setup();
    t = s.t;
    const { id } = await submit(t, s.u.resident, { category: 'utilities' }); // reply within 24 h
    t.clock.advance(2 * HOUR);
    await t.inject({ as: s.u.cadre, url: '/cases' });
    let d = (await t.inject({ as: s.u.resident, url: `/cases/${id}` })).json() as CaseDetail;
    expect(d.history.map((e) => e.action)).toEqual(['submit']); // exactly at the limit: not late yet

    t.clock.advance(1);
    d = (await t.inject({ as: s.u.resident, url: `/cases/${id}` })).json() as CaseDetail;
    expect(d.deadlines.acceptOverdue).toBe(true);
    expect(d.history.map((e) => e.action)).toEqual(['submit', 'escalate']);
    expect(d.history[1]).toMatchObject({
      unit: '系统',
      target: '莫干山镇人民政府',
      note: '超过受理时限，已提级至乡镇督办',
    });

    // More requests do not escalate again.
    await t.inject({ as: s.u.cadre, url: '/cases' });
    await t.inject({ as: inV(s.u.town), url: '/metrics?division=330521107' });
    await must(t, s.u.cadre, id, 'accept');
    const escalations = () =>
      t.audit.list().then((l) => l.filter((e) => e.action === 'complaints.case.escalate'));
    expect((await escalations()).map((e) => e.detail)).toEqual([
      { tracking: 'JS20261102-0001', village: V, limit: 'accept', to: T },
    ]);

    t.clock.advance(22 * HOUR);
    await t.inject({ as: s.u.cadre, url: '/cases' });
    await t.inject({ as: s.u.cadre, url: '/cases' });
    expect((await escalations()).map((e) => (e.detail as { limit: string }).limit)).toEqual([
      'accept',
      'reply',
    ]);
    d = (await t.inject({ as: s.u.resident, url: `/cases/${id}` })).json() as CaseDetail;
    expect(d.history.map((e) => e.action)).toEqual(['submit', 'escalate', 'accept', 'escalate']);
    expect(d.deadlines.replyOverdue).toBe(true);

    // A late reply keeps the flag; no more escalations.
    await must(t, s.u.cadre, id, 'reply', { answer: '已修复' });
    d = (await t.inject({ as: s.u.resident, url: `/cases/${id}` })).json() as CaseDetail;
    expect(d.deadlines).toMatchObject({ acceptOverdue: true, replyOverdue: true });
    expect((await escalations()).length).toBe(2);
  });

  it('uses the county’s settings over the province’s over the defaults', async () => {
    const s = await setup();
    t = s.t;
    const put = (as: typeof s.u.county, division: string, body: unknown) =>
      t.inject({ as, method: 'PUT', url: `/settings?division=${division}`, payload: body as object });
    const province = {
      acceptHours: 3,
      replyHours: { emergency: 1, utilities: 12, general: 120, complex: 240 },
      weights: { response: 40, resolution: 30, satisfaction: 30 },
    };
    expect((await put(s.u.province, '330000', province)).statusCode).toBe(200);
    let got = (await t.inject({ as: inV(s.u.county), url: '/settings' })).json() as SettingsAnswer;
    expect(got).toMatchObject({ division: C, source: 'province', settings: province });
    const a = (await submit(t, s.u.resident)) as unknown as CaseDetail;
    expect(a.deadlines.acceptDue).toBe('2026-11-02T04:00:00.000Z');
    expect(a.deadlines.replyDue).toBe('2026-11-07T01:00:00.000Z');

    const county = { ...province, acceptHours: 1 };
    const res = await put(s.u.county, C, county);
    expect(res.json()).toMatchObject({ source: 'division', updatedBy: s.u.county.name });
    got = (await t.inject({ as: s.u.cadre, url: '/settings' })).json() as SettingsAnswer;
    expect(got).toMatchObject({ division: C, source: 'division', settings: county });
    const b = (await submit(t, s.u.resident)) as unknown as CaseDetail;
    expect(b.deadlines.acceptDue).toBe('2026-11-02T02:00:00.000Z');
    // Existing cases keep the limits they were submitted under.
    const again = (await t.inject({ as: s.u.resident, url: `/cases/${a.id}` })).json() as CaseDetail;
    expect(again.deadlines.acceptDue).toBe('2026-11-02T04:00:00.000Z');
    expect(
      (await t.audit.list()).filter((e) => e.action === 'complaints.settings.update').map((e) => e.subject),
    ).toEqual(['settings:330000', 'settings:330521']);
    // Other counties of the province still follow the province.
    const other = (
      await t.inject({ as: s.u.province, url: '/settings?division=330522' })
    ).json() as SettingsAnswer;
    expect(other.source).toBe('province');
  });
});

describe('metrics', () => {
  it('computes response, resolution and satisfaction rates per village, township and month', async () => {
    const s = await setup();
    t = s.t;
    // Case 1: accepted in time, resolved, satisfied.
    const c1 = await submit(t, s.u.resident);
    await must(t, s.u.cadre, c1.id, 'accept');
    await must(t, s.u.cadre, c1.id, 'reply', { answer: '已处理' });
    await must(t, s.u.cadre, c1.id, 'close', { resolved: true });
    await must(t, s.u.resident, c1.id, 'rate', { rating: 'satisfied' });
    // Case 2: accepted late, closed unresolved, dissatisfied.
    const c2 = await submit(t, s.u.neighbour);
    t.clock.advance(3 * HOUR);
    await must(t, s.u.cadre, c2.id, 'accept');
    await must(t, s.u.cadre, c2.id, 'reply', { answer: '无法处理' });
    await must(t, s.u.cadre, c2.id, 'close', { resolved: false });
    await must(t, s.u.neighbour, c2.id, 'rate', { rating: 'dissatisfied' });
    // Case 3: still waiting.
    await submit(t, s.u.resident);
    // Case 4 in another township, accepted in time.
    const c4 = await submit(t, s.u.residentB);
    await must(t, s.u.cadreB, c4.id, 'accept');

    const village = (
      await t.inject({ as: s.u.cadre, url: '/metrics?period=2026-11' })
    ).json() as MetricsAnswer;
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
      await t.inject({ as: inV(s.u.county), url: `/metrics?division=${C}&from=2026-10-01&to=2026-11-30` })
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
      await t.inject({ as: inV(s.u.town), url: `/metrics?division=${T}&period=2026-Q4` })
    ).json() as MetricsAnswer;
    expect(town.children.map((c) => [c.name, c.metrics.cases])).toEqual([['仙潭村', 3]]);

    const empty = (await t.inject({ as: s.u.cadre, url: '/metrics?period=2026-10' })).json() as MetricsAnswer;
    expect(empty.totals).toMatchObject({ cases: 0, responseRate: null, score: null });
  });
});

describe('the public board', () => {
  it('shows received and answered dates, the answering unit and the masked answer — never who complained', async () => {
    const s = await setup();
    t = s.t;
    const { id } = await submit(t, s.u.resident, {
      text: '我的电话 13812345678，身份证 330521195001011237，门口水管漏水',
    });
    const hidden = await submit(t, s.u.neighbour, { public: false });
    await submit(t, s.u.resident, { text: '还没有答复的事' });
    await must(t, s.u.cadre, id, 'accept');
    await must(t, s.u.cadre, id, 'dispatch', { target: T });
    t.clock.advance(HOUR);
    await must(t, inV(s.u.town), id, 'reply', { answer: '已联系自来水公司，维修师傅电话 13987654321' });
    await must(t, s.u.cadre, hidden.id, 'accept');
    await must(t, s.u.cadre, hidden.id, 'reply', { answer: '已处理' });

    for (const as of [null, { village: V, user: null }, s.u.residentB]) {
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
        s.u.resident.name,
        String(s.u.resident.household),
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
