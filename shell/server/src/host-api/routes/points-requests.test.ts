/**
 * Points requests over HTTP, wired into 积分制: a request for an item of the adopted rule book becomes a
 * claim in the committee's queue (read back through the module's own route); a request for an item the
 * rule book lacks, for another village's household or before any rule book is refused with its code and
 * changes nothing — neither the module's queue nor the shell's record of requests.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectError, hostApiWorld, JSON_TYPE, POINTS, placePoints, WASTE } from '../../../test/host-api.js';
import { admin, XIANTAN } from '../../../test/shell.js';

const w = hostApiWorld();

interface QueuedClaim {
  id: string;
  household: string;
  itemCode: string;
  quantity: number;
  source: string;
  claimant: string;
  status: string;
}

beforeAll(async () => {
  await placePoints(w);
  // The register (户籍) of Xiantan holds household 0013; the cadre may name it.
  const added = await w.shell.app.inject({
    method: 'POST',
    url: `/api/villages/${XIANTAN}/households`,
    headers: admin,
    payload: { number: '0013', head: '李四', address: '仙潭村1组13号' },
  });
  expect(added.statusCode, added.body).toBe(201);
}, 60_000);

async function module(method: 'GET' | 'POST', path: string, token: string, body?: unknown) {
  return w.shell.app.inject({
    method,
    url: `/api/modules/points${path}`,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : JSON_TYPE) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  });
}

async function queue(): Promise<QueuedClaim[]> {
  const cadre = await w.tokenFor(POINTS, await w.login('cadre'));
  const res = await module('GET', '/claims?status=pending', cadre);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

const requests = () => w.shell.app.shell.storage.host.listPointsRequests(XIANTAN);

describe('points requests into the claim queue', () => {
  it('refuses every request while the village has no rule book, changing nothing', async () => {
    const zhang = await w.tokenFor(WASTE, await w.login('13812345678'));
    expectError(
      await w.call(zhang, 'POST', '/points/requests', { item: '垃圾分类准确投放' }),
      409,
      'POINTS_ERR_NO_RULEBOOK',
    );
    expect(await requests()).toEqual([]);
  });

  it('queues a request for an item of the adopted rule book as a widget claim, once', async () => {
    const cadre = await w.tokenFor(POINTS, await w.login('cadre'));
    const adopted = await module('POST', '/rulebooks', cadre, {
      adoptedOn: '2026-03-01',
      assembly: { date: '2026-02-26', attendance: 40, votesFor: 35, votesAgainst: 2, abstaining: 3 },
      items: [
        { code: 'R01', title: '垃圾分类准确投放', points: 5, evidence: '照片', proposer: '第三村民小组' },
        { code: 'D01', title: '焚烧秸秆', points: -20, evidence: '照片', proposer: '村两委' },
      ],
    });
    expect(adopted.statusCode, adopted.body).toBe(201);

    const zhang = await w.tokenFor(WASTE, await w.login('13812345678'));
    const ok = await w.call(zhang, 'POST', '/points/requests', {
      item: '垃圾分类准确投放',
      quantity: 2,
      note: '可回收物分好了',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toEqual({ id: expect.any(String), status: 'pending' });
    const queued = (await queue()).filter((c) => c.household === 'H-0012');
    expect(queued).toEqual([
      expect.objectContaining({ itemCode: 'R01', quantity: 2, source: 'widget', status: 'pending' }),
    ]);
    expect((await requests()).map((r) => r.id)).toEqual([ok.json().id]);

    // By code as well; the cadre for a household of the village's register.
    const cadreWaste = await w.tokenFor(WASTE, await w.login('cadre'));
    const named = await w.call(cadreWaste, 'POST', '/points/requests', { item: 'R01', householdId: '0013' });
    expect(named.statusCode, named.body).toBe(201);
    expect((await queue()).filter((c) => c.household === '0013')).toHaveLength(1);
  });

  it('refuses an item outside the rule book and another village’s household, changing nothing', async () => {
    const before = { queue: await queue(), requests: await requests() };
    const zhang = await w.tokenFor(WASTE, await w.login('13812345678'));
    expect(
      expectError(await w.call(zhang, 'POST', '/points/requests', { item: '扫雪' }), 400, 'POINTS_ERR_ITEM'),
    ).toMatchObject({ field: 'item' });
    const cadre = await w.tokenFor(WASTE, await w.login('cadre'));
    // 0099 is in no register of Xiantan (another village's number, or none).
    expect(
      expectError(
        await w.call(cadre, 'POST', '/points/requests', { item: 'R01', householdId: '0099' }),
        403,
        'SHELL_ERR_FORBIDDEN',
      ),
    ).toMatchObject({ field: 'householdId' });
    // A resident of Wusi in Xiantan's portal holds no account there: nobody is signed in to ask.
    const wusi = await w.tokenFor(WASTE, await w.login('wusi-resident'));
    expectError(
      await w.call(wusi, 'POST', '/points/requests', { item: 'R01', householdId: 'W-0001' }),
      401,
      'SHELL_ERR_SIGN_IN_REQUIRED',
    );
    expect(await queue()).toEqual(before.queue);
    expect(await requests()).toEqual(before.requests);
  });

  it('keeps the host API’s own refusals (own household only, bad input, sign-in)', async () => {
    const before = await requests();
    const zhang = await w.tokenFor(WASTE, await w.login('13812345678'));
    expectError(
      await w.call(zhang, 'POST', '/points/requests', { item: 'R01', householdId: 'H-0013' }),
      403,
      'SHELL_ERR_FORBIDDEN',
    );
    for (const [body, field] of [
      [{ item: '' }, 'item'],
      [{ item: 'R01', quantity: 1.5 }, 'quantity'],
      [{ item: 'R01', evidence: ['nope'] }, 'evidence[0]'],
    ] as const) {
      expect(
        expectError(await w.call(zhang, 'POST', '/points/requests', body), 400, 'SHELL_ERR_INVALID_ARGUMENT'),
      ).toMatchObject({ field });
    }
    const noHome = await w.tokenFor(WASTE, await w.login('nohome'));
    expect(
      expectError(
        await w.call(noHome, 'POST', '/points/requests', { item: 'R01' }),
        400,
        'SHELL_ERR_INVALID_ARGUMENT',
      ),
    ).toMatchObject({
      field: 'householdId',
      message: '请先加入您的家庭：在门户申请入户，村干部审核通过后才能为家庭申请积分',
    });
    // Without a household of their own, another's is not theirs either.
    expectError(
      await w.call(noHome, 'POST', '/points/requests', { item: 'R01', householdId: 'H-0013' }),
      403,
      'SHELL_ERR_FORBIDDEN',
    );
    expectError(
      await w.call(await w.tokenFor(WASTE), 'POST', '/points/requests', { item: 'R01' }),
      401,
      'SHELL_ERR_SIGN_IN_REQUIRED',
    );
    expect(await requests()).toEqual(before);
  });
});
