// @vitest-environment node
/** The closed loop through the real routes: submitting with photos, every staff step, the queue. */
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../common/index.js';
import { C, freshApp, inV, JPEG, must, PNG, submit, T, upload, users, V, V2 } from './test-helpers.js';

const t = freshApp();
const u = users();

const HOUR = 3600_000;

describe('submitting', () => {
  it('gives a tracking number per village and day (China time) and records the submission', async () => {
    const a = await submit(t, u.resident);
    const b = await submit(t, u.neighbour, { category: 'utilities' });
    const c = await submit(t, u.residentB);
    // 2026-11-02T01:00Z is 09:00 on 2 November in China.
    expect([a.tracking, b.tracking, c.tracking]).toEqual([
      'JS20261102-0001',
      'JS20261102-0002',
      'JS20261102-0001',
    ]);
    t.clock.advance(16 * HOUR); // 01:00 on 3 November in China
    expect((await submit(t, u.resident)).tracking).toBe('JS20261103-0001');
    const detail = a as unknown as CaseDetail;
    expect(detail.status).toBe('submitted');
    expect(detail.deadlines.acceptDue).toBe('2026-11-02T03:00:00.000Z');
    expect(detail.deadlines.replyDue).toBe('2026-11-09T01:00:00.000Z');
    expect((b as unknown as CaseDetail).deadlines.replyDue).toBe('2026-11-03T01:00:00.000Z');
    expect(detail.history.map((e) => e.action)).toEqual(['submit']);
    expect(detail.actions).toEqual([]);
    const audit = await t.audit.list();
    expect(audit.map((e) => e.action)).toEqual(Array(4).fill('complaints.case.submit'));
    expect(audit[0]?.actor).toBe(u.resident.name);
  });

  it('attaches the resident’s own photos in order and serves them only to the owner and staff in scope', async () => {
    const p1 = (await upload(t, u.resident)).json() as { id: string; type: string };
    const p2 = (await upload(t, u.resident, PNG, 'application/octet-stream')).json() as {
      id: string;
      type: string;
    };
    expect([p1.type, p2.type]).toEqual(['image/jpeg', 'image/png']);
    const created = (await submit(t, u.resident, {
      photos: [p2.id, p1.id],
      place: '村口石桥',
      location: { lat: 30.6, lng: 119.9 },
    })) as unknown as CaseDetail;
    expect(created.photos).toEqual([p2.id, p1.id]);
    expect(created.place).toBe('村口石桥');
    expect(created.location).toEqual({ lat: 30.6, lng: 119.9 });

    const own = await t.inject({ as: u.resident, url: `/photos/${p1.id}` });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.from(own.rawPayload).equals(JPEG)).toBe(true);

    const staff = await t.inject({ as: u.cadre, url: `/photos/${p1.id}` });
    expect(staff.statusCode).toBe(200);
    expect((await t.audit.list()).at(-1)).toMatchObject({
      action: 'complaints.photo.view',
      actor: u.cadre.name,
    });

    for (const as of [u.neighbour, u.cadreB, u.residentB]) {
      const res = await t.inject({ as, url: `/photos/${p1.id}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('COMPLAINTS_ERR_PHOTO_NOT_FOUND');
    }
    expect((await t.inject({ url: `/photos/${p1.id}` })).statusCode).toBe(401);
  });
});

describe('the closed loop', () => {
  it('runs accept → dispatch → return → dispatch → transfer → reply → close → follow-up → rate with first-receiver ownership', async () => {
    const { id } = await submit(t, u.resident);

    let d = (await must(t, u.cadre, id, 'accept', { note: '已电话联系' })) as CaseDetail;
    expect(d.status).toBe('accepted');
    expect(d.owner).toEqual({ division: V, department: null, name: '仙潭村村民委员会' });
    expect(d.handler?.name).toBe('仙潭村村民委员会');
    expect(d.actions).toEqual(['dispatch', 'reply']);

    d = (await must(t, u.cadre, id, 'dispatch', { target: T, department: '城建办' })) as CaseDetail;
    expect(d.status).toBe('dispatched');
    expect(d.handler).toEqual({ division: T, department: '城建办', name: '莫干山镇人民政府城建办' });
    expect(d.owner?.division).toBe(V);

    d = (await must(t, inV(u.town), id, 'return', { reason: '属于县里管理的公路' })) as CaseDetail;
    expect(d.status).toBe('returned');
    expect(d.handler?.division).toBe(V);

    d = (await must(t, u.cadre, id, 'dispatch', { target: C, department: '交通运输局' })) as CaseDetail;
    expect(d.handler?.name).toBe('德清县交通运输局');

    d = (await must(t, inV(u.county), id, 'transfer', { target: T, note: '由镇里就近处理' })) as CaseDetail;
    expect(d.status).toBe('dispatched');
    expect(d.handler?.name).toBe('莫干山镇人民政府');
    expect(d.owner?.name).toBe('仙潭村村民委员会');

    d = (await must(t, inV(u.town), id, 'reply', {
      answer: '路灯已于今天下午修好，联系电话 13812345678',
    })) as CaseDetail;
    expect(d.status).toBe('replied');
    expect(d.answerUnit).toBe('莫干山镇人民政府');

    d = (await must(t, u.cadre, id, 'close', { resolved: true })) as CaseDetail;
    expect(d.status).toBe('closed');
    expect(d.resolved).toBe(true);

    d = (await must(t, u.cadre, id, 'follow-up', { note: '村民表示满意' })) as CaseDetail;
    expect(d.status).toBe('followed-up');

    const rated = (await must(t, u.resident, id, 'rate', {
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

    const staffView = (await t.inject({ as: u.cadre, url: `/cases/${id}` })).json() as CaseDetail;
    expect(staffView.history[1]).toMatchObject({
      action: 'accept',
      actor: '仙潭村干部',
      unit: '仙潭村村民委员会',
    });
    expect(staffView.resident).toEqual({ name: '张阿婆', household: u.resident.household });

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

    const mine = (await t.inject({ as: u.resident, url: '/cases/mine' })).json();
    expect(mine.open).toBe(0);
    expect(mine.items[0]).toMatchObject({
      id,
      status: 'followed-up',
      rating: 'satisfied',
      handlerUnit: '莫干山镇人民政府',
    });
  });

  it('lets the owner answer itself and the resident rate right after close', async () => {
    const { id } = await submit(t, u.resident);
    await must(t, u.cadre, id, 'accept');
    await must(t, u.cadre, id, 'reply', { answer: '已安排电工维修' });
    await must(t, u.cadre, id, 'close', { resolved: false, note: '需要县供电公司排期' });
    const d = (await must(t, u.resident, id, 'rate', { rating: 'dissatisfied' })) as CaseDetail;
    expect(d).toMatchObject({
      status: 'closed',
      rating: 'dissatisfied',
      resolved: false,
      answerUnit: '仙潭村村民委员会',
    });
  });

  it('lets the township accept a case and own it', async () => {
    const { id } = await submit(t, u.resident);
    const d = (await must(t, inV(u.town), id, 'accept')) as CaseDetail;
    expect(d.owner?.name).toBe('莫干山镇人民政府');
    const queue = (await t.inject({ as: inV(u.town), url: '/cases?scope=unit' })).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(queue.items[0].actions).toEqual(['dispatch', 'reply']);
  });
});

describe('the staff queue', () => {
  it('is scoped by division and flags overdue cases first', async () => {
    const late = await submit(t, u.resident);
    t.clock.advance(3 * HOUR);
    const fresh = await submit(t, u.neighbour);
    const other = await submit(t, u.residentB);

    const village = (await t.inject({ as: u.cadre, url: '/cases' })).json();
    expect(village.items.map((c: { id: string }) => c.id)).toEqual([late.id, fresh.id]);
    expect(village.items[0].deadlines).toMatchObject({
      acceptOverdue: true,
      escalatedAt: '2026-11-02T04:00:00.000Z',
    });
    expect(village.items[1].deadlines.acceptOverdue).toBe(false);

    const overdue = (await t.inject({ as: u.cadre, url: '/cases?overdue=1' })).json();
    expect(overdue.items.map((c: { id: string }) => c.id)).toEqual([late.id]);

    const county = (await t.inject({ as: inV(u.county), url: '/cases?scope=division' })).json();
    expect(county.items.map((c: { id: string }) => c.id).sort()).toEqual(
      [late.id, fresh.id, other.id].sort(),
    );
    const townB = (await t.inject({ as: inV(u.townB, V2), url: '/cases?scope=division' })).json();
    expect(townB.items.map((c: { id: string }) => c.id)).toEqual([other.id]);

    expect((await t.audit.list()).filter((e) => e.action === 'complaints.case.list').at(-1)).toMatchObject({
      actor: u.townB.name,
      subject: 'division:330521003',
      detail: { scope: 'division', status: 'open', count: 1 },
    });

    const supervisor = await t.inject({ as: u.supervisor, url: '/cases' });
    expect(supervisor.statusCode).toBe(200);
    expect(supervisor.json().items.every((c: { actions: string[] }) => c.actions.length === 0)).toBe(true);

    const all = (await t.inject({ as: u.cadre, url: '/cases?status=all' })).json();
    expect(all.total).toBe(2);
    const none = (await t.inject({ as: u.cadre, url: '/cases?status=closed' })).json();
    expect(none.total).toBe(0);
  });
});
