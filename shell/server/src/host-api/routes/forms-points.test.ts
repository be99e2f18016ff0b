/** Form submissions and points requests over HTTP. */
import { describe, expect, it } from 'vitest';
import { expectError, hostApiWorld, WASTE } from '../../../test/host-api.js';
import { XIANTAN } from '../../../test/shell.js';

const w = hostApiWorld();

describe('forms, points and media', () => {
  it('stores a form submission and rate-limits submissions per widget and user', async () => {
    const token = await w.tokenFor(WASTE, await w.login('nohome'));
    const res = await w.call(token, 'POST', '/forms/pickup', {
      data: { kind: 'bulky', address: '仙潭村 3 组' },
    });
    expect(res.statusCode).toBe(201);
    const receipt = res.json();
    expect(receipt).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), receivedAt: expect.any(String) });
    const stored = await w.shell.app.shell.storage.host.listSubmissions(XIANTAN, WASTE);
    expect(stored.find((f) => f.id === receipt.id)).toMatchObject({
      formId: 'pickup',
      widgetVersion: '1.0.0',
      data: JSON.stringify({ kind: 'bulky', address: '仙潭村 3 组' }),
      userId: expect.any(Number),
    });
    for (let i = 1; i < 10; i++)
      expect((await w.call(token, 'POST', '/forms/pickup', { data: { i } })).statusCode).toBe(201);
    const limited = await w.call(token, 'POST', '/forms/pickup', { data: { i: 10 } });
    expect(expectError(limited, 429, 'SHELL_ERR_RATE_LIMITED').message).toMatch(/请求过于频繁/);
    expect((await w.shell.app.shell.storage.host.listSubmissions(XIANTAN, WASTE)).length).toBe(
      stored.length + 9,
    );
    // Anonymous residents may submit too (limited by address).
    const anonymous = await w.call(await w.tokenFor(WASTE), 'POST', '/forms/complaint', {
      data: { text: '路灯坏了' },
    });
    expect(anonymous.statusCode).toBe(201);
  });

  it('records a points request for the resident household, refusing others and bad input', async () => {
    const zhang = await w.tokenFor(WASTE, await w.login('13812345678'));
    const ok = await w.call(zhang, 'POST', '/points/requests', {
      item: '垃圾分类',
      quantity: 2,
      note: '每周',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toEqual({ id: expect.any(String), status: 'pending' });
    const recorded = await w.shell.app.shell.storage.host.listPointsRequests(XIANTAN);
    expect(recorded.find((r) => r.id === ok.json().id)).toMatchObject({
      householdId: 'H-0012',
      quantity: 2,
      item: '垃圾分类',
    });
    expectError(
      await w.call(zhang, 'POST', '/points/requests', { item: 'x', householdId: 'H-0013' }),
      403,
      'SHELL_ERR_FORBIDDEN',
    );
    expect(
      expectError(
        await w.call(zhang, 'POST', '/points/requests', { item: '' }),
        400,
        'SHELL_ERR_INVALID_ARGUMENT',
      ),
    ).toMatchObject({ field: 'item' });
    expect(
      expectError(
        await w.call(zhang, 'POST', '/points/requests', { item: 'x', quantity: 1.5 }),
        400,
        'SHELL_ERR_INVALID_ARGUMENT',
      ),
    ).toMatchObject({ field: 'quantity' });
    expect(
      expectError(
        await w.call(zhang, 'POST', '/points/requests', { item: 'x', evidence: ['nope'] }),
        400,
        'SHELL_ERR_INVALID_ARGUMENT',
      ),
    ).toMatchObject({ field: 'evidence[0]' });
    const noHome = await w.tokenFor(WASTE, await w.login('nohome'));
    expect(
      expectError(
        await w.call(noHome, 'POST', '/points/requests', { item: 'x' }),
        400,
        'SHELL_ERR_INVALID_ARGUMENT',
      ),
    ).toMatchObject({ field: 'householdId' });
    expectError(
      await w.call(await w.tokenFor(WASTE), 'POST', '/points/requests', { item: 'x' }),
      401,
      'SHELL_ERR_SIGN_IN_REQUIRED',
    );
    const cadre = await w.tokenFor(WASTE, await w.login('cadre'));
    expect(
      (await w.call(cadre, 'POST', '/points/requests', { item: 'x', householdId: 'H-0013' })).statusCode,
    ).toBe(201);
    expect((await w.shell.app.shell.storage.host.listPointsRequests(XIANTAN)).length).toBe(
      recorded.length + 1,
    );
  });
});
