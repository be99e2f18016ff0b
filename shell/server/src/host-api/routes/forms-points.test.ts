/** Form submissions over HTTP (points requests: points-requests.test.ts). */
import { describe, expect, it } from 'vitest';
import { expectError, hostApiWorld, WASTE } from '../../../test/host-api.js';
import { XIANTAN } from '../../../test/shell.js';

const w = hostApiWorld();

describe('forms', () => {
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
});
