/**
 * The web login is bound to the client that started it (issue #14): the page names the client and the
 * code npm printed, only the starting client's secret collects the token, and failed sign-ins are
 * audited.
 */
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TestRegistry, testRegistry } from '../../test/registry.js';
import { setAccountPassword } from '../services/accounts.js';
import { OPERATOR } from '../services/actor.js';

const PASSWORD = 'correct horse battery';
let r: TestRegistry;
let app: FastifyInstance;

beforeEach(async () => {
  r = await testRegistry('cunmen-login-binding-');
  ({ app } = r);
  await setAccountPassword(r.storage, OPERATOR, 'dq', PASSWORD);
});

afterEach(async () => {
  await r.close();
});

const form = { 'content-type': 'application/x-www-form-urlencoded' };

async function startLogin(payload: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: '/-/v1/login',
    headers: { 'user-agent': 'npm/11.19.1 node/v22.0.0 linux x64' },
    payload,
  });
  expect(res.statusCode).toBe(200);
  const { loginUrl, doneUrl } = res.json();
  const login = new URL(loginUrl);
  const done = new URL(doneUrl);
  return {
    page: login.pathname,
    code: login.searchParams.get('code') as string,
    id: login.pathname.split('/').at(-1) as string,
    poll: (url = `${done.pathname}${done.search}`) => app.inject({ url }),
    signIn: (password = PASSWORD) =>
      app.inject({
        method: 'POST',
        url: login.pathname,
        headers: form,
        payload: `name=dq&password=${encodeURIComponent(password)}`,
      }),
  };
}

describe('web login page', () => {
  it('shows the host name the client sent, its address and agent, and the code npm printed', async () => {
    const login = await startLogin({ hostname: 'deqing-dev-laptop' });
    const page = await app.inject({ url: login.page });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('deqing-dev-laptop');
    expect(page.body).toContain('127.0.0.1');
    expect(page.body).toContain('npm/11.19.1 node/v22.0.0 linux x64');
    expect(page.body).toContain(`<p class="code" data-testid="login-code">${login.code}</p>`);
  });

  it('shows the stored code, not one put into the address, and no host name it cannot trust', async () => {
    const login = await startLogin({ hostname: '<script>alert(1)</script>' });
    const page = await app.inject({ url: `${login.page}?code=AAAA-AAAA` });
    expect(page.body).toContain(`data-testid="login-code">${login.code}<`);
    expect(page.body).not.toContain('AAAA-AAAA');
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('no host name sent');
  });

  it('gives each login its own code', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 5; i++) codes.add((await startLogin()).code);
    expect(codes.size).toBe(5);
  });
});

describe('web login binding', () => {
  it('hands the token only to the polling secret, never to the page id', async () => {
    const login = await startLogin();
    expect((await login.signIn()).statusCode).toBe(200);
    // Someone who saw the page's address (the person, a proxy log, a shared screen) polls with its id.
    const byPageId = await login.poll(`/-/v1/done?sessionId=${login.id}`);
    expect(byPageId.statusCode).toBe(404);
    expect(byPageId.json().code).toBe('REG_ERR_NOT_FOUND');
    const mine = await login.poll();
    expect(mine.statusCode).toBe(200);
    const whoami = await app.inject({
      url: '/-/whoami',
      headers: { authorization: `Bearer ${mine.json().token}` },
    });
    expect(whoami.json()).toEqual({ username: 'dq' });
  });

  it('does not let one session’s sign-in complete another', async () => {
    const a = await startLogin();
    const b = await startLogin();
    expect((await a.signIn()).statusCode).toBe(200);
    expect((await b.poll()).statusCode).toBe(202);
    expect((await a.poll()).statusCode).toBe(200);
  });

  it('refuses a second sign-in on a used page, issuing no token', async () => {
    const login = await startLogin();
    expect((await login.signIn()).statusCode).toBe(200);
    const before = (await r.storage.audit.list()).filter((e) => e.action === 'token.create').length;
    const again = await login.signIn();
    expect(again.statusCode).toBe(404);
    expect(again.body).toContain('登录会话已失效');
    const after = (await r.storage.audit.list()).filter((e) => e.action === 'token.create').length;
    expect(after).toBe(before);
    expect((await app.inject({ url: login.page })).statusCode).toBe(404);
  });
});

describe('failed logins', () => {
  it.each([
    ['web', 'dq', true],
    ['legacy', 'dq', true],
    ['legacy', 'ghost', false],
  ] as const)('are audited (%s, user %s) and issue no token', async (via, name, known) => {
    const before = await r.storage.audit.list();
    const res =
      via === 'web'
        ? await (await startLogin()).signIn('wrong password!')
        : await app.inject({
            method: 'PUT',
            url: `/-/user/org.couchdb.user:${name}`,
            payload: { name, password: 'wrong password!' },
          });
    expect(res.statusCode).toBe(401);
    const added = (await r.storage.audit.list()).slice(before.length);
    expect(added).toMatchObject([
      { actor: 'anonymous', action: 'login.fail', subject: `user:${name}`, detail: { via, known } },
    ]);
  });
});
