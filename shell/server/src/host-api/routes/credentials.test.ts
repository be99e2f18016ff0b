/**
 * Widget credentials on the resident origin: one page load, one ticket, one exchange for every placed
 * widget; a widget cannot mint another's credential (by name, by replaying the ticket, by loading the
 * page with `fetch()`), and renews only the credential it holds.
 */
import { describe, expect, it } from 'vitest';
import {
  expectError,
  hostApiWorld,
  JSON_TYPE,
  MACHINERY,
  NAVIGATION,
  TOKEN_URL,
  WASTE,
} from '../../../test/host-api.js';
import { WUSI, XIANTAN } from '../../../test/shell.js';
import { mintTicket } from '../page-tickets.js';
import { mintToken, verifyToken } from '../token.js';

const w = hostApiWorld();

const ticketsOf = (res: { cookies: { name: string }[] }) =>
  res.cookies.filter((c) => c.name.startsWith('cunmen_ticket_'));

describe('POST /api/host/v1/widget-tokens (the page load ticket)', () => {
  it('issues every placed widget its own 15-minute credential, bound to its grants and the session', async () => {
    const key = await w.shell.app.shell.storage.host.credentialKey();
    const before = Date.now();
    const anonymous = await w.exchange(await w.pageTicket());
    expect(anonymous.statusCode, anonymous.body).toBe(200);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const { credentials, user } = anonymous.json();
    expect(user).toBeNull();
    expect(Object.keys(credentials).sort()).toEqual([MACHINERY, WASTE].sort());
    const waste = credentials[WASTE];
    expect(waste.version).toBe('1.0.0');
    expect(Date.parse(waste.expiresAt) - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(verifyToken(key, waste.token)).toMatchObject({
      ok: true,
      claims: { village: XIANTAN, widget: WASTE, version: '1.0.0', user: null },
    });

    const audit = w.shell.app.shell.storage.audit;
    const issued = async () =>
      (await audit.list({ limit: 10_000 })).filter((e) => e.action === 'widget.credentials-issue');
    // A visitor's page load is not recorded; a signed-in user's is, once, naming every widget.
    expect(await issued()).toEqual([]);
    const resident = await w.login('lisi');
    const signed = await w.exchange(await w.pageTicket(resident), resident);
    expect(signed.statusCode).toBe(200);
    const recorded = await issued();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ actor: 'lisi', subject: `village:${XIANTAN}` });
    const detail = recorded[0]?.detail as { widgets: { widget: string }[] } | undefined;
    expect(detail?.widgets.map((x) => x.widget).sort()).toEqual([MACHINERY, WASTE].sort());
    expect(signed.json().user).toMatchObject({ displayName: '李*', role: 'resident' });
    // Bound to the GRANTED capabilities of the snapshot, not the requested ones.
    expect(verifyToken(key, signed.json().credentials[MACHINERY].token)).toMatchObject({
      ok: true,
      claims: { widget: MACHINERY, capabilities: ['store.read'], user: expect.any(Number) },
    });
  });

  it('is single use: a replayed ticket, a forged one or none is refused and nothing is issued', async () => {
    const ticket = await w.pageTicket();
    expect((await w.exchange(ticket)).statusCode).toBe(200);
    const replay = await w.exchange(ticket);
    expectError(replay, 403, 'SHELL_ERR_TICKET_USED');
    expect(replay.json().credentials).toBeUndefined();
    // The spent ticket's cookie is cleared.
    expect(ticketsOf(replay)).toEqual([expect.objectContaining({ value: '', maxAge: 0 })]);
    expectError(await w.exchange(''), 403, 'SHELL_ERR_TICKET_REQUIRED');
    const forged = `cunmen_ticket_0=${mintTicket(Buffer.alloc(32, 7), XIANTAN)}`;
    expectError(await w.exchange(forged), 403, 'SHELL_ERR_TICKET_USED');
    const key = await w.shell.app.shell.storage.host.credentialKey();
    const expired = `cunmen_ticket_1=${mintTicket(key, XIANTAN, Date.now() - 10 * 60_000)}`;
    expectError(await w.exchange(expired), 403, 'SHELL_ERR_TICKET_USED');
    // Another village's ticket is not this village's.
    const wusi = `cunmen_ticket_2=${mintTicket(key, WUSI)}`;
    expectError(await w.exchange(wusi), 403, 'SHELL_ERR_TICKET_REQUIRED');
  });

  it('sets a ticket only on a browser navigation: never for fetch(), an iframe or a failed page', async () => {
    const page = (headers: Record<string, string>, village = XIANTAN) =>
      w.shell.app.inject({ url: `/v/${village}/`, headers });
    const navigation = await page(NAVIGATION);
    const [ticket] = ticketsOf(navigation);
    expect(ticket).toMatchObject({
      path: '/api/host/v1/widget-tokens',
      httpOnly: true,
      sameSite: 'Strict',
      maxAge: 120,
    });
    // The service worker re-fetches a navigation as `same-origin`, keeping its destination.
    const viaWorker = await page({ 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'same-origin' });
    expect(ticketsOf(viaWorker)).toHaveLength(1);
    expect(ticketsOf(await page({ 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors' }))).toEqual([]);
    expect(ticketsOf(await page({ 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'same-origin' }))).toEqual([]);
    expect(ticketsOf(await page({ 'sec-fetch-dest': 'iframe', 'sec-fetch-mode': 'navigate' }))).toEqual([]);
    expect(ticketsOf(await page(NAVIGATION, WUSI))).toEqual([]);
    expect(ticketsOf(await w.shell.app.inject({ url: '/api/host/v1/widget-tokens' }))).toEqual([]);
  });

  it('refuses cross-site exchanges: wrong content type, foreign Origin or Sec-Fetch-Site', async () => {
    for (const headers of [
      { 'content-type': 'text/plain' } as Record<string, string>,
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'cross-site' },
    ]) {
      const ticket = await w.pageTicket();
      expectError(await w.exchange(ticket, undefined, headers), 403, 'SHELL_ERR_CSRF');
      // The refused request did not spend the ticket.
      expect((await w.exchange(ticket)).statusCode).toBe(200);
    }
  });

  it('binds nobody when the signed-in user is of another village', async () => {
    const key = await w.shell.app.shell.storage.host.credentialKey();
    const outsider = await w.login('wusi-resident');
    const res = await w.exchange(await w.pageTicket(outsider), outsider);
    expect(res.json().user).toBeNull();
    expect(verifyToken(key, res.json().credentials[WASTE].token)).toMatchObject({ claims: { user: null } });
  });
});

describe('POST /api/host/v1/widget-token', () => {
  it('refuses minting by widget name, for any widget, signed in or not', async () => {
    const resident = await w.login('lisi');
    for (const widget of [WASTE, MACHINERY, '@cunmen/complaints']) {
      const body = { village: XIANTAN, widget, version: '1.0.0' };
      expectError(await w.mint(body), 403, 'SHELL_ERR_TICKET_REQUIRED');
      const res = await w.mint(body, {}, resident);
      expectError(res, 403, 'SHELL_ERR_TICKET_REQUIRED');
      expect(res.json().token).toBeUndefined();
    }
  });

  it('renews only the credential presented, for the same widget and user, also shortly after it expired', async () => {
    const key = await w.shell.app.shell.storage.host.credentialKey();
    const resident = await w.login('lisi');
    const held = verifyToken(key, await w.tokenFor(WASTE, resident));
    if (!held.ok) throw new Error('credential');
    const expired = mintToken(key, { ...held.claims, iat: Date.now() - 3600_000, exp: Date.now() - 60_000 });
    const renew = (token: string, headers: Record<string, string> = {}) =>
      w.shell.app.inject({
        method: 'POST',
        url: TOKEN_URL,
        headers: { ...JSON_TYPE, authorization: `Bearer ${token}`, ...headers },
        payload: '{}',
      });
    const renewed = await renew(expired, { cookie: resident.cookie, 'x-csrf-token': resident.csrf });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(verifyToken(key, renewed.json().token)).toMatchObject({
      ok: true,
      claims: { widget: WASTE, user: held.claims.user, capabilities: held.claims.capabilities },
    });
    // Without the session (signed out, or another browser) a user's credential is not renewed.
    expectError(await renew(expired), 401, 'SHELL_ERR_TOKEN_INVALID');
    const other = await w.login('13812345678');
    expectError(
      await renew(expired, { cookie: other.cookie, 'x-csrf-token': other.csrf }),
      401,
      'SHELL_ERR_TOKEN_INVALID',
    );
    const forged = mintToken(Buffer.alloc(32, 7), held.claims);
    expectError(await renew(forged), 401, 'SHELL_ERR_TOKEN_INVALID');
    const ancient = mintToken(key, { ...held.claims, exp: Date.now() - 13 * 3600_000 });
    expectError(await renew(ancient, { cookie: resident.cookie }), 401, 'SHELL_ERR_TOKEN_INVALID');
  });
});

describe('the division check on writes', () => {
  it('refuses a write whose user is not of the credential village, and writes nothing', async () => {
    const key = await w.shell.app.shell.storage.host.credentialKey();
    const outsider = await w.shell.app.shell.storage.identity.findUserByName('wusi-resident');
    if (!outsider) throw new Error('user');
    // A credential bound to the outsider (as one issued before the account moved would be).
    const token = mintToken(key, {
      village: XIANTAN,
      widget: WASTE,
      version: '1.0.0',
      capabilities: ['store.write', 'store.read', 'form.submit', 'media.upload'],
      user: outsider.id,
      iat: Date.now(),
      exp: Date.now() + 60_000,
    });
    const before = await w.shell.app.shell.storage.host.usage(XIANTAN, WASTE);
    expectError(
      await w.call(token, 'POST', '/store/bookings', { data: { x: 1 } }),
      403,
      'SHELL_ERR_OUTSIDE_DIVISION',
    );
    expectError(
      await w.call(token, 'PUT', '/store/bookings/b1', { data: { x: 1 } }),
      403,
      'SHELL_ERR_OUTSIDE_DIVISION',
    );
    expectError(
      await w.call(token, 'POST', '/forms/pickup', { data: { x: 1 } }),
      403,
      'SHELL_ERR_OUTSIDE_DIVISION',
    );
    expect(await w.shell.app.shell.storage.host.usage(XIANTAN, WASTE)).toEqual(before);
  });
});
