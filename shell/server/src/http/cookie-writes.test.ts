/**
 * Writes that ride on a session cookie (http/auth.ts `cookieWriteProblem`): the browser's own
 * `Sec-Fetch-Site` / `Origin` prove the page's origin, so `GET /api/auth/me` no longer hands page
 * scripts (widgets included) a CSRF token; a write from another origin — the resident portal calling
 * the console — is refused whatever it carries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, signInOn, startConsoleShell } from '../../test/console.js';
import { XIANTAN } from '../../test/shell.js';

let shell: ConsoleShell;
beforeAll(async () => {
  shell = await startConsoleShell('http://localhost:9090');
}, 60_000);
afterAll(async () => {
  await shell?.close();
});

const discard = (headers: Record<string, string>) =>
  shell.console.inject({
    method: 'DELETE',
    url: `/api/console/v1/portals/${XIANTAN}/draft`,
    headers,
  });

describe('cookie writes', () => {
  it('GET /api/auth/me never carries the CSRF token, on either origin', async () => {
    const cadre = await signInOn(shell.console, 'xt-cadre');
    const me = await shell.console.inject({ url: '/api/auth/me', headers: { cookie: cadre.cookie } });
    expect(me.json()).toMatchObject({ user: { name: 'xt-cadre' } });
    expect(me.json().csrfToken).toBeUndefined();
    expect(me.body).not.toContain(cadre.csrf);
    const resident = await signInOn(shell.app, 'xt-zhang');
    const mine = await shell.app.inject({ url: '/api/auth/me', headers: { cookie: resident.cookie } });
    expect(mine.json()).toMatchObject({ user: { name: 'xt-zhang' } });
    expect(mine.body).not.toContain(resident.csrf);
  });

  it('accepts a same-origin browser write without a token', async () => {
    const { cookie } = await signInOn(shell.console, 'xt-cadre');
    expect((await discard({ cookie, 'sec-fetch-site': 'same-origin' })).statusCode).toBe(200);
    const origin = { cookie, origin: 'http://localhost:9090', host: 'localhost:9090' };
    expect((await discard(origin)).statusCode).toBe(200);
  });

  it.each([
    ['from the resident portal (same site, other origin)', { 'sec-fetch-site': 'same-site' }],
    ['from another site', { 'sec-fetch-site': 'cross-site' }],
    ['with a foreign Origin', { origin: 'http://127.0.0.1:8080', host: 'localhost:9090' }],
    ['with an opaque Origin (a sandboxed frame)', { origin: 'null' }],
  ])('refuses a write %s, even with the session token; the session is kept', async (_what, headers) => {
    const { cookie, csrf } = await signInOn(shell.console, 'xt-cadre');
    const res = await discard({ cookie, 'x-csrf-token': csrf, ...headers });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('SHELL_ERR_CSRF');
    const me = await shell.console.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('asks a client that sends no fetch metadata for the token sign-in answered', async () => {
    const { cookie, csrf } = await signInOn(shell.console, 'xt-cadre');
    const bare = await discard({ cookie });
    expect(bare.statusCode).toBe(403);
    expect(bare.json().code).toBe('SHELL_ERR_CSRF');
    expect((await discard({ cookie, 'x-csrf-token': csrf })).statusCode).toBe(200);
  });
});
