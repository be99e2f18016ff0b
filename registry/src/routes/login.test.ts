import { CommandRefusal } from '@cunmen/command-line';
import { makeTempDir } from '@cunmen/test-utils';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshBackend, storageOptionsFor } from '../../test/backends.js';
import { errorBody, npmText } from '../../test/errors.js';
import { buildApp } from '../app.js';
import { addUser, setPassword } from '../cli/users.js';

let app: FastifyInstance;
let dataDir: string;
const PASSWORD = 'correct horse battery';

beforeEach(async () => {
  dataDir = (await makeTempDir('cunmen-login-')).path;
  await freshBackend();
  await addUser({ dataDir, name: 'dq', role: 'county', county: '330521', scope: '@deqing' });
  await setPassword(dataDir, 'dq', PASSWORD);
  app = await buildApp({ dataDir, publicUrl: 'https://r.example', scale: await storageOptionsFor(dataDir) });
});

afterEach(async () => {
  await app.close();
});

async function whoami(token: string) {
  return app.inject({ url: '/-/whoami', headers: { authorization: `Bearer ${token}` } });
}

describe('legacy npm login', () => {
  it('gives a new token for the right password, 401 for a wrong one', async () => {
    const ok = await app.inject({
      method: 'PUT',
      url: '/-/user/org.couchdb.user:dq',
      payload: { _id: 'org.couchdb.user:dq', name: 'dq', password: PASSWORD, type: 'user' },
    });
    expect(ok.statusCode).toBe(201);
    expect((await whoami(ok.json().token)).json()).toEqual({ username: 'dq' });
    const wrong = await app.inject({
      method: 'PUT',
      url: '/-/user/org.couchdb.user:dq',
      payload: { name: 'dq', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual(errorBody('REG_ERR_BAD_LOGIN', 'wrong user name or password'));
    const nobody = await app.inject({
      method: 'PUT',
      url: '/-/user/org.couchdb.user:ghost',
      payload: { name: 'ghost', password: PASSWORD },
    });
    expect(nobody.json().error).toBe(npmText('REG_ERR_BAD_LOGIN', 'wrong user name or password'));
  });

  it('limits attempts per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await app.inject({
        method: 'PUT',
        url: '/-/user/org.couchdb.user:dq',
        payload: { name: 'dq', password: 'wrong' },
      });
      statuses.push(r.statusCode);
      if (i === 10) expect(r.json().code).toBe('REG_ERR_RATE_LIMITED');
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });

  it('refuses a weak password when setting it', async () => {
    await expect(setPassword(dataDir, 'dq', 'short')).rejects.toThrow(CommandRefusal);
    await expect(setPassword(dataDir, 'dq', 'short')).rejects.toThrow(
      'a password needs at least 12 characters',
    );
  });
});

describe('web npm login', () => {
  it('hands the token to the polling CLI once, after the person signs in', async () => {
    const start = await app.inject({ method: 'POST', url: '/-/v1/login', payload: {} });
    const { loginUrl, doneUrl } = start.json();
    expect(loginUrl).toMatch(
      /^https:\/\/r\.example\/-\/login\/[A-Za-z0-9_-]{32}\?code=[A-Z2-9]{4}-[A-Z2-9]{4}$/,
    );
    const done = new URL(doneUrl);
    const poll = () => app.inject({ url: `${done.pathname}${done.search}` });
    const waiting = await poll();
    expect(waiting.statusCode).toBe(202);
    expect(waiting.headers['retry-after']).toBe('1');

    const page = await app.inject({ url: new URL(loginUrl).pathname });
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<form method="post"');
    const wrong = await app.inject({
      method: 'POST',
      url: new URL(loginUrl).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'name=dq&password=nope',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('用户名或密码错误');
    expect((await poll()).statusCode).toBe(202);

    const signIn = await app.inject({
      method: 'POST',
      url: new URL(loginUrl).pathname,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `name=dq&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(signIn.statusCode).toBe(200);
    const finished = await poll();
    expect(finished.statusCode).toBe(200);
    expect((await whoami(finished.json().token)).json()).toEqual({ username: 'dq' });
    expect((await poll()).statusCode).toBe(404);
  });
});
