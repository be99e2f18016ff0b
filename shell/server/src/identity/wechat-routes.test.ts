/**
 * WeChat web authorisation and the JS-SDK signature on the real shell (SQLite, and PostgreSQL in the
 * postgres project), against the local stand-in of WeChat's endpoints (test/wechat-stand-in.ts): sign in
 * and make a resident, sign in again, bind to a signed-in resident; refuse a forged, expired, replayed or
 * carried-over state, WeChat's error JSON, a refusal to authorise and an openid bound to another
 * resident, each with its message and no change.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startShell, type TestShell, XIANTAN } from '../../test/shell.js';
import { startWechatStandIn, type WechatStandIn } from '../../test/wechat-stand-in.js';
import { jssdkSignature } from './jssdk.js';
import { DevelopmentSmsProvider } from './sms-development.js';

const PORTAL = 'http://cunmen.test';
let stand: WechatStandIn;
let shell: TestShell;
const sms = new DevelopmentSmsProvider({ warn: () => {} });

beforeAll(async () => {
  stand = await startWechatStandIn();
  shell = await startShell({
    publicUrl: PORTAL,
    channels: {
      sms,
      wechat: { appId: stand.appId, appSecret: stand.appSecret, apiBase: stand.url, openBase: stand.url },
    },
  });
});
afterAll(async () => {
  await shell?.close();
  await stand?.close();
});

const identity = () => shell.app.shell.storage.identity;
const pair = (res: LightMyRequestResponse, name: string) => {
  const c = res.cookies.find((x) => x.name === name);
  return c ? `${c.name}=${c.value}` : '';
};
const residentCount = async () =>
  (await shell.app.shell.storage.modules.database.selectFrom('identity_users').select('id').execute()).length;

let address = 0;
/** A new client address per request (each address may start ten attempts a minute). */
const remoteAddress = () => `10.3.0.${++address}`;

/** Starts an attempt; the browser's cookie and the authorize URL WeChat is sent to. */
async function start(query = `village=${XIANTAN}`, cookie = '') {
  const res = await shell.app.inject({
    url: `/api/auth/wechat/start?${query}`,
    headers: { cookie },
    remoteAddress: remoteAddress(),
  });
  expect(res.statusCode).toBe(302);
  return { browser: pair(res, 'cunmen_session_wechat'), authorize: res.headers.location as string };
}

function callback(url: URL, cookie: string) {
  return shell.app.inject({ url: `${url.pathname}${url.search}`, headers: { cookie } });
}

async function phoneSignIn(phone: string) {
  await shell.app.inject({
    method: 'POST',
    url: '/api/auth/phone/code',
    payload: { phone },
    remoteAddress: '10.2.0.1',
  });
  const res = await shell.app.inject({
    method: 'POST',
    url: '/api/auth/phone/sign-in',
    payload: { phone, code: sms.lastCode(phone), village: XIANTAN },
    remoteAddress: '10.2.0.1',
  });
  return pair(res, 'cunmen_session');
}

describe('WeChat web authorisation', () => {
  it('sends the browser to WeChat, makes a resident for a new openid and signs the same one in again', async () => {
    const { browser, authorize } = await start(`village=${XIANTAN}&returnTo=/v/${XIANTAN}/points`);
    const url = new URL(authorize);
    expect(`${url.origin}${url.pathname}`).toBe(`${stand.url}/connect/oauth2/authorize`);
    expect(url.searchParams.get('redirect_uri')).toBe(`${PORTAL}/api/auth/wechat/callback`);
    expect(url.searchParams.get('scope')).toBe('snsapi_base');
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{32}$/);
    expect(browser).toMatch(/^cunmen_session_wechat=[\w-]{43}$/);

    const done = await callback(stand.authorize(authorize, 'o-new-resident'), browser);
    expect(done.statusCode).toBe(302);
    expect(done.headers.location).toBe(`/v/${XIANTAN}/points`);
    const session = pair(done, 'cunmen_session');
    const me = await shell.app.inject({ url: '/api/auth/me', headers: { cookie: session } });
    expect(me.json()).toMatchObject({
      user: { role: 'resident', division: XIANTAN, household: null, displayName: '微信用户' },
    });
    const made = await identity().findUserByWechatOpenid('o-new-resident');
    expect(made).toMatchObject({ role: 'resident', household: null, phone: null });

    const count = await residentCount();
    const again = await start();
    const second = await callback(stand.authorize(again.authorize, 'o-new-resident'), again.browser);
    expect(second.statusCode).toBe(302);
    const me2 = await shell.app.inject({
      url: '/api/auth/me',
      headers: { cookie: pair(second, 'cunmen_session') },
    });
    expect(me2.json().user.name).toBe(made?.name);
    expect(await residentCount()).toBe(count);
    const logins = (await shell.app.shell.storage.audit.list()).filter((e) => e.action === 'auth.login');
    expect(logins.map((e) => [e.actor, (e.detail as { created: boolean }).created])).toEqual([
      [made?.name, true],
      [made?.name, false],
    ]);
  });

  it('reads the nickname with snsapi_userinfo', async () => {
    const { browser, authorize } = await start(`village=${XIANTAN}&scope=userinfo`);
    expect(new URL(authorize).searchParams.get('scope')).toBe('snsapi_userinfo');
    const done = await callback(stand.authorize(authorize, 'o-userinfo', { nickname: '老王' }), browser);
    expect(done.statusCode).toBe(302);
    expect((await identity().findUserByWechatOpenid('o-userinfo'))?.displayName).toBe('老王');
  });

  it('binds the openid to the signed-in resident, and refuses it for another resident', async () => {
    const first = await phoneSignIn('13812340201');
    const { browser, authorize } = await start(`village=${XIANTAN}`, first);
    const done = await callback(stand.authorize(authorize, 'o-bound'), `${first}; ${browser}`);
    expect(done.statusCode).toBe(302);
    expect((await identity().findUserByPhone('13812340201'))?.wechatOpenid).toBe('o-bound');

    const second = await phoneSignIn('13812340202');
    const other = await start(`village=${XIANTAN}`, second);
    const refused = await callback(
      stand.authorize(other.authorize, 'o-bound'),
      `${second}; ${other.browser}`,
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'SHELL_ERR_WECHAT_ALREADY_BOUND',
      message: '该微信已绑定其他村民账号',
    });
    expect((await identity().findUserByPhone('13812340202'))?.wechatOpenid).toBeNull();
    expect((await identity().findUserByWechatOpenid('o-bound'))?.phone).toBe('13812340201');

    // The first resident cannot bind a second WeChat account either.
    const third = await start(`village=${XIANTAN}`, first);
    const twice = await callback(stand.authorize(third.authorize, 'o-another'), `${first}; ${third.browser}`);
    expect(twice.json()).toMatchObject({
      code: 'SHELL_ERR_WECHAT_OTHER_BOUND',
      message: '您的账号已绑定其他微信',
    });
    expect(await identity().findUserByWechatOpenid('o-another')).toBeNull();
  });

  it('refuses a replayed, forged, expired or carried-over state, and changes nothing', async () => {
    const count = await residentCount();
    const a = await start();
    const back = stand.authorize(a.authorize, 'o-replay');
    expect((await callback(back, a.browser)).statusCode).toBe(302);
    const replay = await callback(back, a.browser);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({
      code: 'SHELL_ERR_WECHAT_STATE',
      error: 'unknown or already used WeChat sign-in attempt (state)',
      message: '微信登录请求无效或已过期，请重新进入',
    });
    expect(pair(replay, 'cunmen_session')).toBe('');
    const after = await residentCount();
    expect(after).toBe(count + 1);

    const b = await start();
    const forged = stand.authorize(b.authorize, 'o-forged');
    forged.searchParams.set('state', 'x'.repeat(32));
    const res = await callback(forged, b.browser);
    expect(res.json().code).toBe('SHELL_ERR_WECHAT_STATE');
    expect(pair(res, 'cunmen_session')).toBe('');

    const c = await start();
    await shell.app.shell.storage.modules.database
      .updateTable('identity_wechat_states')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .execute();
    const expired = await callback(stand.authorize(c.authorize, 'o-expired'), c.browser);
    expect(expired.json()).toMatchObject({
      code: 'SHELL_ERR_WECHAT_STATE',
      message: '微信登录请求已过期，请重新进入',
    });

    const d = await start();
    const elsewhere = await callback(stand.authorize(d.authorize, 'o-elsewhere'), '');
    expect(elsewhere.json()).toMatchObject({
      code: 'SHELL_ERR_WECHAT_STATE',
      message: '微信登录请求不是从本浏览器发起的，请重新进入',
    });
    expect(await residentCount()).toBe(after);
    for (const openid of ['o-forged', 'o-expired', 'o-elsewhere']) {
      expect(await identity().findUserByWechatOpenid(openid)).toBeNull();
    }
  });

  it("refuses WeChat's error JSON and a refusal to authorise, and changes nothing", async () => {
    const count = await residentCount();
    const a = await start();
    stand.failNext('/sns/oauth2/access_token', 40029, 'invalid code');
    const failed = await callback(stand.authorize(a.authorize, 'o-error'), a.browser);
    expect(failed.statusCode).toBe(502);
    expect(failed.json()).toMatchObject({
      code: 'SHELL_ERR_WECHAT_FAILED',
      error: 'WeChat refused the authorisation code: errcode 40029 (invalid code)',
      message: '微信授权失败（错误码 40029），请重新进入',
    });
    expect(pair(failed, 'cunmen_session')).toBe('');

    const b = await start(`village=${XIANTAN}&scope=userinfo`);
    const denied = await callback(stand.authorize(b.authorize, 'o-denied', { refuse: true }), b.browser);
    expect(denied.json()).toMatchObject({
      code: 'SHELL_ERR_WECHAT_DENIED',
      message: '您没有同意微信授权，未能登录',
    });
    expect(await residentCount()).toBe(count);
    expect(await identity().findUserByWechatOpenid('o-error')).toBeNull();
  });

  it('refuses an unknown village or scope before sending anyone to WeChat', async () => {
    const village = await shell.app.inject({
      url: '/api/auth/wechat/start?village=330521999999',
      remoteAddress: remoteAddress(),
    });
    expect(village.json()).toMatchObject({ code: 'SHELL_ERR_BAD_REQUEST', field: 'village' });
    const scope = await shell.app.inject({
      url: `/api/auth/wechat/start?village=${XIANTAN}&scope=all`,
      remoteAddress: remoteAddress(),
    });
    expect(scope.json()).toMatchObject({
      field: 'scope',
      message: '授权方式：授权方式只能是 base 或 userinfo',
    });
    expect(village.cookies).toEqual([]);
  });
});

describe('the JS-SDK signature endpoint', () => {
  it("signs a page of the portal with the cached jsapi_ticket, and refuses another origin's", async () => {
    const page = `${PORTAL}/v/${XIANTAN}/?from=share#top`;
    const res = await shell.app.inject({ url: `/api/wechat/js-config?url=${encodeURIComponent(page)}` });
    expect(res.statusCode).toBe(200);
    const config = res.json();
    expect(config).toMatchObject({
      appId: stand.appId,
      nonceStr: expect.stringMatching(/^[A-Za-z0-9]{16}$/),
    });
    expect(Math.abs(config.timestamp - Date.now() / 1000)).toBeLessThan(60);
    const ticket = await identity().readWechatToken(`jsapi_ticket:${stand.appId}`);
    expect(config.signature).toBe(
      jssdkSignature({
        ticket: ticket?.value as string,
        nonceStr: config.nonceStr,
        timestamp: config.timestamp,
        url: `${PORTAL}/v/${XIANTAN}/?from=share`,
      }),
    );
    const tickets = stand.calls['/cgi-bin/ticket/getticket'];
    await shell.app.inject({ url: `/api/wechat/js-config?url=${encodeURIComponent(page)}` });
    expect(stand.calls['/cgi-bin/ticket/getticket']).toBe(tickets);

    const other = await shell.app.inject({
      url: `/api/wechat/js-config?url=${encodeURIComponent('http://evil.test/v/')}`,
    });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({
      code: 'SHELL_ERR_WECHAT_URL',
      field: 'url',
      message: '页面地址不属于本门户',
    });
    const notUrl = await shell.app.inject({ url: '/api/wechat/js-config?url=/v/' });
    expect(notUrl.json()).toMatchObject({ code: 'SHELL_ERR_BAD_REQUEST', field: 'url' });
  });
});

describe('a shell without WeChat', () => {
  let plain: TestShell;
  beforeAll(async () => {
    plain = await startShell({ channels: { sms, wechat: null } });
  });
  afterAll(async () => plain?.close());

  it.each([
    '/api/auth/wechat/start?village=330521107201',
    '/api/auth/wechat/callback?code=x&state=y',
    '/api/wechat/js-config?url=http://localhost/',
  ])('refuses %s: 未开通微信登录', async (url) => {
    const res = await plain.app.inject({ url });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'SHELL_ERR_WECHAT_NOT_CONFIGURED', message: '未开通微信登录' });
  });
});
