// @vitest-environment node
/**
 * The village's points from end to end: the assembly adopts a rule book, a resident claims with a
 * photo, the committee approves, the merchant redeems, the boards update; deductions take two members;
 * a new version applies from its day and leaves earlier entries as they were.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pointsModule } from './index.js';
import {
  ASSEMBLY,
  addGoods,
  adoptRules,
  freshApp,
  inV,
  ok,
  RULES,
  uploadPhoto,
  users,
  V,
} from './test-helpers.js';

const t = freshApp();

describe('points: adopt, claim, approve, redeem', () => {
  it('runs the whole loop and every number follows from the ledger', async () => {
    const u = users();
    expect(await adoptRules(t, u)).toEqual({ version: 1, adoptedOn: '2026-11-01' });
    const book = await ok(t, u.resident, 'GET /rulebook');
    expect(book.inForce).toMatchObject({ version: 1, assembly: ASSEMBLY, items: RULES });

    const photo = await uploadPhoto(t, u.resident);
    const claim = await ok(t, u.resident, 'POST /claims', { item: 'R02', photo, evidence: '清理河道' });
    expect(claim).toMatchObject({ household: 'H-0012', points: 10, status: 'pending', source: 'resident' });
    expect((await ok(t, u.resident, 'GET /me')).balance).toEqual({ total: 0, redeemable: 0 });

    const queue = await ok(t, u.cadre, 'GET /claims');
    expect(queue.items.map((c: { id: string }) => c.id)).toEqual([claim.id]);
    const photoRes = await t.inject({ as: u.cadre, url: `/photos/${photo}` });
    expect(photoRes.headers['content-type']).toBe('image/jpeg');
    expect(await ok(t, u.cadre, `POST /claims/${claim.id}/approve`)).toEqual({
      status: 'approved',
      points: 10,
    });

    const me = await ok(t, u.resident, 'GET /me');
    expect(me.balance).toEqual({ total: 10, redeemable: 10 });
    expect(me.entries[0]).toMatchObject({
      kind: 'award',
      itemCode: 'R02',
      points: 10,
      approver: u.cadre.name,
      ruleBookVersion: 1,
      evidence: '清理河道',
    });

    const soap = await addGoods(t, u, 4, 3, '肥皂');
    expect(await ok(t, u.merchant, 'GET /counter/H-0012')).toMatchObject({
      name: '张**',
      balance: { total: 10, redeemable: 10 },
    });
    const sold = await ok(t, u.merchant, 'POST /redeem', {
      household: 'H-0012',
      goods: soap.id,
      quantity: 2,
    });
    expect(sold).toEqual({ seq: 2, points: -8, redeemable: 2, stock: 1 });
    expect((await ok(t, u.resident, 'GET /me')).balance).toEqual({ total: 2, redeemable: 2 });

    // Spending does not lower the rank: the board counts earned points.
    expect((await ok(t, u.resident, 'GET /leaderboard')).items).toEqual([
      { rank: 1, name: '张**', points: 10 },
    ]);
    const summary = await ok(t, u.resident, 'GET /summary?month=2026-11');
    expect(summary).toMatchObject({ awarded: 10, deducted: 0, redeemed: 8, households: 1 });
    expect(summary.items).toEqual([{ code: 'R02', title: '参加义务劳动', times: 1, points: 10 }]);
    const actions = (await t.audit.list({ limit: 100 })).map((e) => e.action).sort();
    expect(actions).toEqual(
      ['claim.approve', 'claim.submit', 'goods.add', 'goods.redeem', 'photo.upload', 'rulebook.adopt'].map(
        (a) => `points.${a}`,
      ),
    );
  });

  it('takes a deduction only with a second committee member, capped at the redeemable points', async () => {
    const u = users();
    await adoptRules(t, u);
    await ok(t, u.cadre, 'POST /households', { code: 'H-0099', head: '欧阳娜娜' });
    const award = await ok(t, u.cadre, 'POST /claims', { item: 'R01', household: 'H-0099' });
    await ok(t, u.cadre2, `POST /claims/${award.id}/approve`);
    const d = await ok(t, u.cadre, 'POST /claims', {
      item: 'D01',
      household: 'H-0099',
      evidence: '门口堆柴',
    });
    expect(await ok(t, u.cadre, `POST /claims/${d.id}/approve`)).toEqual({ status: 'second', points: null });
    const again = await t.inject({ as: u.cadre, method: 'POST', url: `/claims/${d.id}/approve` });
    expect(again.json().code).toBe('POINTS_ERR_SECOND_APPROVER');
    expect(await ok(t, u.cadre2, `POST /claims/${d.id}/approve`)).toEqual({ status: 'approved', points: -5 });
    const ledger = await ok(t, u.cadre, 'GET /households/H-0099/ledger');
    expect(ledger.balance).toEqual({ total: 0, redeemable: 0 });
    expect(ledger.entries[0]).toMatchObject({
      kind: 'deduction',
      points: -5,
      approver: u.cadre.name,
      secondApprover: u.cadre2.name,
      note: '应扣 10 分，可兑换积分仅余 5 分',
    });
  });

  it('rejects with a reason, and a decided claim stays decided', async () => {
    const u = users();
    await adoptRules(t, u);
    const photo = await uploadPhoto(t, u.resident);
    const claim = await ok(t, u.resident, 'POST /claims', { item: 'R01', photo });
    expect(await ok(t, u.cadre, `POST /claims/${claim.id}/reject`, { reason: '照片看不清' })).toEqual({
      status: 'rejected',
    });
    const me = await ok(t, u.resident, 'GET /me');
    expect(me.claims[0]).toMatchObject({
      status: 'rejected',
      reason: '照片看不清',
      firstApprover: u.cadre.name,
    });
    expect(me.entries).toEqual([]);
    const late = await t.inject({ as: u.cadre2, method: 'POST', url: `/claims/${claim.id}/approve` });
    expect(late.json().code).toBe('POINTS_ERR_DECIDED');
  });

  it('applies a new version from its day and never rewrites entries made under the old one', async () => {
    const u = users();
    await adoptRules(t, u);
    await ok(t, u.cadre, 'POST /households', { code: 'H-0001', head: '沈三' });
    const old = await ok(t, u.cadre, 'POST /claims', { item: 'R01', household: 'H-0001' });
    const v2 = RULES.map((r) => (r.code === 'R01' ? { ...r, points: 8 } : r));
    expect(await adoptRules(t, u, v2, '2026-11-05')).toEqual({ version: 2, adoptedOn: '2026-11-05' });
    // Until the 5th, version 1 is in force: a claim now is worth 5.
    expect((await ok(t, u.cadre, 'GET /rulebook')).inForce.version).toBe(1);
    await ok(t, u.cadre, `POST /claims/${old.id}/approve`);
    t.clock.set('2026-11-05T02:00:00Z');
    const fresh = await ok(t, u.cadre, 'POST /claims', { item: 'R01', household: 'H-0001' });
    await ok(t, u.cadre, `POST /claims/${fresh.id}/approve`);
    const { entries } = await ok(t, u.cadre, 'GET /households/H-0001/ledger');
    expect(
      entries.map((e: { points: number; ruleBookVersion: number }) => [e.points, e.ruleBookVersion]),
    ).toEqual([
      [8, 2],
      [5, 1],
    ]);
  });

  it('credits the base score as non-redeemable and resets the rest once a year', async () => {
    const u = users();
    await ok(t, u.cadre, 'PUT /settings', { baseScore: 60, yearlyReset: true, masking: 'household' });
    await adoptRules(t, u);
    await ok(t, u.cadre, 'POST /households', { code: 'H-0002', head: '钱多多' });
    const c = await ok(t, u.cadre, 'POST /claims', { item: 'R02', household: 'H-0002' });
    await ok(t, u.cadre, `POST /claims/${c.id}/approve`);
    expect((await ok(t, u.merchant, 'GET /counter/H-0002')).balance).toEqual({ total: 70, redeemable: 10 });
    expect((await ok(t, u.merchant, 'GET /counter/H-0002')).name).toBe('H-0002 户');
    expect(await ok(t, u.cadre, 'POST /reset', { year: 2027 })).toEqual({ year: 2027, households: 1 });
    const ledger = await ok(t, u.cadre, 'GET /households/H-0002/ledger');
    expect(ledger.balance).toEqual({ total: 60, redeemable: 0 });
    expect(ledger.entries.map((e: { kind: string; points: number }) => [e.kind, e.points])).toEqual([
      ['reset', -10],
      ['award', 10],
      ['base', 60],
    ]);
    const twice = await t.inject({ as: u.cadre, method: 'POST', url: '/reset', payload: { year: 2027 } });
    expect(twice.json().code).toBe('POINTS_ERR_RESET_DONE');
  });

  it('exports the ledger as XLSX for the assembly, to the committee and the township', async () => {
    const u = users();
    await adoptRules(t, u);
    await ok(t, u.cadre, 'POST /households', { code: 'H-0003', head: '孙小红' });
    const c = await ok(t, u.cadre, 'POST /claims', { item: 'R01', household: 'H-0003' });
    await ok(t, u.cadre, `POST /claims/${c.id}/approve`);
    const res = await t.inject({ as: inV(u.town), url: '/export.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('仙潭村积分台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['积分余额', '积分明细', '积分规则']);
    expect(wb.getWorksheet('积分余额')?.getRow(2).values).toEqual([undefined, 'H-0003', '孙小红', 5, 5]);
    expect(wb.getWorksheet('积分明细')?.getRow(2).getCell(5).value).toBe('垃圾分类做得好');
    expect(wb.getWorksheet('积分规则')?.getRow(3).getCell(3).value).toBe('到会 120 人');
  });
});

describe('points: requests from widgets through the host API', () => {
  it('queues a request once, by item code or title, for the committee to decide', async () => {
    const u = users();
    await adoptRules(t, u);
    const { claimFromHostRequest } = await import('./index.js');
    const request = {
      id: 'req-1',
      village: V,
      widget: '@deqing/waste-pickup',
      householdId: 'H-0012',
      item: '垃圾分类做得好',
      quantity: 2,
      note: '可回收物 3 公斤',
      evidence: ['m1'],
      userId: u.resident.id,
    };
    // Handed over twice at once, and again later: one claim.
    const [first, same] = await Promise.all([
      claimFromHostRequest(t.context, request),
      claimFromHostRequest(t.context, request),
    ]);
    expect(same).toEqual(first);
    expect(await claimFromHostRequest(t.context, request)).toEqual(first);
    const queue = await ok(t, u.cadre, 'GET /claims');
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({
      source: 'widget',
      itemCode: 'R01',
      quantity: 2,
      evidence: '可回收物 3 公斤; media:m1',
    });
    await ok(t, u.cadre, `POST /claims/${first.claim}/approve`);
    expect((await ok(t, u.resident, 'GET /me')).balance.redeemable).toBe(10);
    await expect(
      claimFromHostRequest(t.context, { ...request, id: 'req-2', item: '不存在' }),
    ).rejects.toMatchObject({
      code: 'POINTS_ERR_ITEM',
    });
    expect(pointsModule.id).toBe('points');
  });
});
