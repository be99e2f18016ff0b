/**
 * Minting a credential by widget name: only on the staff console's origin (`mintByName`), whose in-realm
 * widgets are the province's modules and designated trusted ones. The resident origin refuses it
 * (credentials.test.ts).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, signInOn, startConsoleShell } from '../../../test/console.js';
import {
  expectError,
  hostApiWorld,
  JSON_TYPE,
  MACHINERY,
  placeWidgets,
  TOKEN_URL,
  WASTE,
} from '../../../test/host-api.js';
import { WUSI, XIANTAN } from '../../../test/shell.js';
import { verifyToken } from '../token.js';

const w = hostApiWorld();
let shell: ConsoleShell;

beforeAll(async () => {
  shell = await startConsoleShell('http://localhost:9090', {
    registryUrl: w.registry.url,
    registryToken: w.registry.tokens.province,
  });
  await placeWidgets(shell);
}, 60_000);

afterAll(async () => {
  await shell?.close();
});

const mint = (body: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  shell.console.inject({
    method: 'POST',
    url: TOKEN_URL,
    headers: { ...JSON_TYPE, ...headers },
    payload: JSON.stringify(body),
  });

describe('POST /api/host/v1/widget-token by name, on the console origin', () => {
  it('mints a 15-minute credential for a widget of the current portal, anonymous or signed in', async () => {
    const before = Date.now();
    const res = await mint({ village: XIANTAN, widget: WASTE, version: '1.0.0' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const { token, expiresAt } = res.json();
    expect(token).toMatch(/^cmw1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const expires = Date.parse(expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(15 * 60_000 - 1000);
    expect(expires - before).toBeLessThanOrEqual(15 * 60_000 + 5000);
    const key = await shell.app.shell.storage.host.credentialKey();
    const check = verifyToken(key, token);
    expect(check).toMatchObject({
      ok: true,
      claims: { village: XIANTAN, widget: WASTE, version: '1.0.0', user: null },
    });

    const cadre = await signInOn(shell.console, 'xt-cadre');
    const signed = await mint(
      { village: XIANTAN, widget: MACHINERY, version: '1.0.0' },
      { cookie: cadre.cookie, 'x-csrf-token': cadre.csrf },
    );
    expect(signed.statusCode).toBe(200);
    const claims = verifyToken(key, signed.json().token);
    // Bound to the GRANTED capabilities of the snapshot, not the requested ones.
    expect(claims).toMatchObject({
      ok: true,
      claims: { capabilities: ['store.read'], user: expect.any(Number) },
    });
    // Same-origin browsers' headers are accepted.
    const browser = await mint(
      { village: XIANTAN, widget: WASTE, version: '1.0.0' },
      { origin: 'http://localhost:80', host: 'localhost:80', 'sec-fetch-site': 'same-origin' },
    );
    expect(browser.statusCode).toBe(200);
  });

  it.each([
    [
      'an unknown village',
      { village: '330521999999', widget: WASTE, version: '1.0.0' },
      404,
      'SHELL_ERR_UNKNOWN_VILLAGE',
    ],
    [
      'a malformed village code',
      { village: '3305', widget: WASTE, version: '1.0.0' },
      404,
      'SHELL_ERR_UNKNOWN_VILLAGE',
    ],
    [
      'a village without a portal',
      { village: WUSI, widget: WASTE, version: '1.0.0' },
      404,
      'SHELL_ERR_NO_PORTAL',
    ],
    [
      'a widget not in the portal',
      { village: XIANTAN, widget: '@deqing/other', version: '1.0.0' },
      404,
      'SHELL_ERR_WIDGET_NOT_IN_PORTAL',
    ],
    [
      'another version',
      { village: XIANTAN, widget: WASTE, version: '1.1.0' },
      409,
      'SHELL_ERR_WIDGET_VERSION_MISMATCH',
    ],
    ['a missing field', { village: XIANTAN, widget: WASTE }, 400, 'SHELL_ERR_BAD_REQUEST'],
    [
      'an unknown field',
      { village: XIANTAN, widget: WASTE, version: '1.0.0', user: 1 },
      400,
      'SHELL_ERR_BAD_REQUEST',
    ],
    [
      'a number for a string',
      { village: XIANTAN, widget: 5, version: '1.0.0' },
      400,
      'SHELL_ERR_BAD_REQUEST',
    ],
  ])('refuses %s', async (_what, body, status, code) => {
    const res = await mint(body);
    const error = expectError(res, status, code);
    expect(res.json().token).toBeUndefined();
    if (code === 'SHELL_ERR_WIDGET_VERSION_MISMATCH')
      expect(error.error).toMatch(/uses @yiyuan\/waste-pickup@1\.0\.0/);
    if (code === 'SHELL_ERR_BAD_REQUEST') expect(error.field).toBeDefined();
  });

  it('refuses cross-site requests: wrong content type, foreign Origin or Sec-Fetch-Site, with or without a session', async () => {
    const body = JSON.stringify({ village: XIANTAN, widget: WASTE, version: '1.0.0' });
    const plain = await shell.console.inject({
      method: 'POST',
      url: TOKEN_URL,
      headers: { 'content-type': 'text/plain' },
      payload: body,
    });
    expectError(plain, 403, 'SHELL_ERR_CSRF');
    const good = { village: XIANTAN, widget: WASTE, version: '1.0.0' };
    expectError(await mint(good, { origin: 'https://evil.example' }), 403, 'SHELL_ERR_CSRF');
    expectError(await mint(good, { origin: 'null' }), 403, 'SHELL_ERR_CSRF');
    expectError(await mint(good, { 'sec-fetch-site': 'cross-site' }), 403, 'SHELL_ERR_CSRF');
    // A signed-in session's cookie rides along only from our own page: the Origin / Sec-Fetch-Site
    // checks are what stop another site.
    const resident = await signInOn(shell.console, 'xt-cadre');
    expect((await mint(good, { cookie: resident.cookie })).statusCode).toBe(200);
    expectError(
      await mint(good, { cookie: resident.cookie, origin: 'https://evil.example' }),
      403,
      'SHELL_ERR_CSRF',
    );
    expectError(
      await mint(good, { cookie: resident.cookie, 'sec-fetch-site': 'cross-site' }),
      403,
      'SHELL_ERR_CSRF',
    );
  });
});
