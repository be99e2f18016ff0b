/**
 * Two origins, one shell: staff sign in on the console's origin with a cookie of its own (host-only,
 * SameSite=Strict, `__Host-` over https); the resident origin never accepts it — under its own name or
 * the resident cookie's — nor signs staff in; the resident sign-in keeps working; each origin serves
 * only its own app.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CONSOLE_INDEX, type ConsoleShell, signInOn, startConsoleShell } from '../../test/console.js';
import { WUSI, XIANTAN } from '../../test/shell.js';
import { buildApp } from '../app.js';

let shell: ConsoleShell;
afterEach(async () => shell?.close());

describe('staff sign-in on the console origin', () => {
  it('sets a host-only, HttpOnly, SameSite=Strict cookie of its own, and lets the cadre act', async () => {
    shell = await startConsoleShell();
    const { res, cookie } = await signInOn(shell.console, 'xt-cadre');
    expect(res.statusCode).toBe(200);
    const header = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^cunmen_console=/);
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
    expect(header).not.toMatch(/Domain=/i);
    const me = await shell.console.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ mfa: 'passed', user: { name: 'xt-cadre', role: 'village-cadre' } });
    const villages = await shell.console.inject({ url: '/api/console/v1/villages', headers: { cookie } });
    expect(villages.json().villages.map((v: { code: string }) => v.code)).toEqual([XIANTAN]);
  });

  it('uses the __Host- prefix, Secure and Path=/ when the console is https', async () => {
    shell = await startConsoleShell('https://console.example.gov.cn');
    const { res, cookie } = await signInOn(shell.console, 'xt-cadre');
    expect(cookie).toMatch(/^__Host-cunmen_console=/);
    const header = String(res.headers['set-cookie']);
    expect(header).toMatch(/Secure/);
    expect(header).toMatch(/Path=\//);
    expect(header).not.toMatch(/Domain=/i);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
  });

  it('refuses a resident account on the console, with no cookie', async () => {
    shell = await startConsoleShell();
    const { res } = await signInOn(shell.console, 'xt-zhang');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'SHELL_ERR_NOT_STAFF',
      message: '该账号不是村干部或工作人员账号，不能进入工作台',
    });
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});

describe('the resident origin and staff sessions', () => {
  it('treats a request carrying the console cookie as anonymous, under either cookie name', async () => {
    shell = await startConsoleShell();
    const { cookie, csrf } = await signInOn(shell.console, 'xt-cadre');
    const token = cookie.slice(cookie.indexOf('=') + 1);
    for (const carried of [cookie, `cunmen_session=${token}`]) {
      const me = await shell.app.inject({ url: '/api/auth/me', headers: { cookie: carried } });
      expect(me.statusCode).toBe(401);
      expect(me.json().code).toBe('SHELL_ERR_UNAUTHORIZED');
      // The staff API on the resident origin: no identity, so only the operator token would do.
      const save = await shell.app.inject({
        method: 'GET',
        url: `/api/portals/${XIANTAN}/versions`,
        headers: { cookie: carried, 'x-csrf-token': csrf },
      });
      expect(save.statusCode).toBe(401);
    }
  });

  it('refuses to sign staff in, naming the console, and keeps the resident sign-in working', async () => {
    shell = await startConsoleShell();
    const staff = await signInOn(shell.app, 'xt-cadre');
    expect(staff.res.statusCode).toBe(403);
    expect(staff.res.json()).toMatchObject({
      code: 'SHELL_ERR_STAFF_ON_CONSOLE',
      message: '工作人员账号请到村门工作台登录：http://localhost:9090',
    });
    expect(staff.res.headers['set-cookie']).toBeUndefined();

    const resident = await signInOn(shell.app, 'xt-zhang');
    expect(resident.res.statusCode).toBe(200);
    expect(resident.cookie).toMatch(/^cunmen_session=/);
    expect(String(resident.res.headers['set-cookie'])).toMatch(/SameSite=Lax/);
    const me = await shell.app.inject({ url: '/api/auth/me', headers: { cookie: resident.cookie } });
    expect(me.json().user).toMatchObject({ name: 'xt-zhang', role: 'resident' });
    // …and the resident's cookie means nothing on the console.
    const there = await shell.console.inject({ url: '/api/auth/me', headers: { cookie: resident.cookie } });
    expect(there.statusCode).toBe(401);
  });

  it('ignores a staff session made on the resident origin before the console existed', async () => {
    shell = await startConsoleShell();
    await shell.app.close();
    // The same data directory without a console: staff still signed in on the resident origin then.
    const plain = await buildApp({
      dataDir: shell.dataDir,
      databaseUrl: shell.databaseUrl,
      webDist: shell.webDist,
    });
    const old = await signInOn(plain, 'xt-cadre');
    expect(old.res.statusCode).toBe(200);
    await plain.close();
    const app = await buildApp({
      dataDir: shell.dataDir,
      databaseUrl: shell.databaseUrl,
      webDist: shell.webDist,
      console: { url: 'http://localhost:9090' },
    });
    try {
      const me = await app.inject({ url: '/api/auth/me', headers: { cookie: old.cookie } });
      expect(me.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});

describe('what each origin serves', () => {
  it('serves the console app only on the console origin, and redirects the old cadre URL there', async () => {
    shell = await startConsoleShell();
    for (const path of ['/', `/v/${XIANTAN}/cadre/complaints`, '/catalog/@yiyuan/waste-pickup']) {
      const page = await shell.console.inject({ url: path });
      expect(page.statusCode, path).toBe(200);
      expect(page.body).toBe(CONSOLE_INDEX);
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    }
    const script = await shell.console.inject({ url: '/console/static/js/index.1a2b3c4d.js' });
    expect(script.headers['cache-control']).toMatch(/immutable/);
    expect((await shell.console.inject({ url: '/api/no-such-route' })).json().code).toBe(
      'SHELL_ERR_NOT_FOUND',
    );

    for (const path of ['/console/static/js/index.1a2b3c4d.js', '/api/console/v1/config']) {
      expect((await shell.app.inject({ url: path })).statusCode, path).toBe(404);
    }
    const old = await shell.app.inject({ url: `/v/${XIANTAN}/cadre/complaints/case/7?lang=en` });
    expect(old.statusCode).toBe(302);
    expect(old.headers.location).toBe(`http://localhost:9090/v/${XIANTAN}/cadre/complaints/case/7?lang=en`);
    expect((await shell.app.inject({ url: `/v/${WUSI}/cadre` })).headers.location).toBe(
      `http://localhost:9090/v/${WUSI}/cadre`,
    );
  });

  it('tells where the resident portal is and what the shell provides to widgets', async () => {
    shell = await startConsoleShell();
    const config = (await shell.console.inject({ url: '/api/console/v1/config' })).json();
    expect(config).toMatchObject({
      consoleUrl: 'http://localhost:9090',
      residentUrl: 'http://127.0.0.1:8080',
      host: { sdk: '0.1.0', shared: { react: '19.3.1', '@cunmen/sdk': '0.1.0' } },
    });
  });
});
