/** `GET /me`: the signed-in user as widgets see them. */
import { describe, expect, it } from 'vitest';
import { hostApiWorld, WASTE } from '../../../test/host-api.js';

const w = hostApiWorld();

describe('GET /api/host/v1/me', () => {
  it('gives the signed-in resident masked: no login name, phone or ID-card number, an opaque id', async () => {
    const res = await w.call(await w.tokenFor(WASTE, await w.login('13812345678')), 'GET', '/me');
    expect(res.statusCode).toBe(200);
    const { user } = res.json();
    expect(user).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      displayName: '张**',
      role: 'resident',
      householdId: 'H-0012',
    });
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('建');
    // The same person gets the same id with every credential.
    const session = await w.login('13812345678');
    const fresh = await w.exchange(await w.pageTicket(session), session);
    const again = (await w.call(fresh.json().credentials[WASTE].token, 'GET', '/me')).json();
    expect(again.user.id).toBe(user.id);
    const cadre = (await w.call(await w.tokenFor(WASTE, await w.login('cadre')), 'GET', '/me')).json();
    expect(cadre.user).toEqual({ id: expect.any(String), displayName: '赵**', role: 'cadre' });
  });

  it('answers { user: null } for an anonymous resident', async () => {
    const res = await w.call(await w.tokenFor(WASTE), 'GET', '/me');
    expect(res.json()).toEqual({ user: null });
  });
});
