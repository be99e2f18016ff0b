/**
 * A local stand-in for WeChat's official-account endpoints, speaking the same protocol and errors as
 * api.weixin.qq.com and open.weixin.qq.com for what the shell uses (identity/wechat-client.ts):
 * web authorisation (`authorize` plays the resident's phone agreeing, or refusing, on WeChat's page),
 * `/sns/oauth2/access_token`, `/sns/userinfo`, `/cgi-bin/token` and `/cgi-bin/ticket/getticket`.
 * As the real service does, errors are HTTP 200 with `{errcode, errmsg}`, a code works once, and a new
 * access token retires the previous one. It counts every call, so tests can tell how often each was made.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WechatStandIn {
  /** The base URL of both hosts (`apiBase` and `openBase`). */
  url: string;
  appId: string;
  appSecret: string;
  /** Calls per path, e.g. `calls['/cgi-bin/token']`. */
  calls: Record<string, number>;
  /**
   * What WeChat does when the resident opens the authorize URL: checks it as WeChat does and answers the
   * callback URL it redirects to, with a fresh code for `openid` (or none, when the resident refuses).
   */
  authorize(authorizeUrl: string, openid: string, options?: { refuse?: boolean; nickname?: string }): URL;
  /** Makes the next answer of `path` the given error JSON. */
  failNext(path: string, errcode: number, errmsg: string): void;
  /** Delay before answering `/cgi-bin/*` (to let two instances ask at once). */
  delayMs: number;
  close(): Promise<void>;
}

interface Grant {
  openid: string;
  scope: string;
  nickname: string;
  used: boolean;
}

const error = (errcode: number, errmsg: string) => ({ errcode, errmsg });

export async function startWechatStandIn(): Promise<WechatStandIn> {
  const appId = 'wx0123456789abcdef';
  const appSecret = 'stand-in-app-secret-0123456789ab';
  const codes = new Map<string, Grant>();
  const snsTokens = new Map<string, Grant>();
  const failures = new Map<string, { errcode: number; errmsg: string }>();
  let currentToken = '';
  const calls: Record<string, number> = {};
  const token = () => randomBytes(24).toString('base64url');

  const answer = (path: string, q: URLSearchParams): object => {
    const failure = failures.get(path);
    if (failure) {
      failures.delete(path);
      return error(failure.errcode, failure.errmsg);
    }
    switch (path) {
      case '/sns/oauth2/access_token': {
        if (q.get('appid') !== appId) return error(40013, 'invalid appid');
        if (q.get('secret') !== appSecret) return error(40125, 'invalid appsecret');
        if (q.get('grant_type') !== 'authorization_code') return error(40002, 'invalid grant_type');
        const grant = codes.get(q.get('code') ?? '');
        if (!grant) return error(40029, 'invalid code');
        if (grant.used) return error(40163, 'code been used');
        grant.used = true;
        const accessToken = token();
        snsTokens.set(accessToken, grant);
        return {
          access_token: accessToken,
          expires_in: 7200,
          refresh_token: token(),
          openid: grant.openid,
          scope: grant.scope,
        };
      }
      case '/sns/userinfo': {
        const grant = snsTokens.get(q.get('access_token') ?? '');
        if (!grant || grant.openid !== q.get('openid')) return error(40001, 'invalid credential');
        if (grant.scope !== 'snsapi_userinfo') return error(48001, 'api unauthorized');
        return {
          openid: grant.openid,
          nickname: grant.nickname,
          sex: 0,
          province: '浙江',
          city: '湖州',
          country: '中国',
          headimgurl: '',
          privilege: [],
        };
      }
      case '/cgi-bin/token': {
        if (q.get('grant_type') !== 'client_credential') return error(40002, 'invalid grant_type');
        if (q.get('appid') !== appId) return error(40013, 'invalid appid');
        if (q.get('secret') !== appSecret) return error(40125, 'invalid appsecret');
        currentToken = token();
        return { access_token: currentToken, expires_in: 7200 };
      }
      case '/cgi-bin/ticket/getticket': {
        if (!currentToken || q.get('access_token') !== currentToken) {
          return error(40001, 'invalid credential, access_token is invalid or not latest');
        }
        if (q.get('type') !== 'jsapi') return error(40097, 'invalid args');
        return { errcode: 0, errmsg: 'ok', ticket: `ticket-${token()}`, expires_in: 7200 };
      }
      default:
        return error(-1, 'system error');
    }
  };

  const stand: WechatStandIn = {
    url: '',
    appId,
    appSecret,
    calls,
    delayMs: 0,
    authorize(authorizeUrl, openid, options = {}) {
      const url = new URL(authorizeUrl);
      if (url.pathname !== '/connect/oauth2/authorize' || url.hash !== '#wechat_redirect') {
        throw new Error(`not an authorize URL: ${authorizeUrl}`);
      }
      const q = url.searchParams;
      const keys = [...q.keys()];
      // WeChat shows an error page for parameters out of order or missing.
      if (keys.join(',') !== 'appid,redirect_uri,response_type,scope,state')
        throw new Error(`parameters: ${keys}`);
      if (q.get('appid') !== appId || q.get('response_type') !== 'code')
        throw new Error('appid or response_type');
      const scope = q.get('scope') as string;
      if (scope !== 'snsapi_base' && scope !== 'snsapi_userinfo') throw new Error(`scope ${scope}`);
      const back = new URL(q.get('redirect_uri') as string);
      if (!options.refuse) {
        const code = token();
        codes.set(code, { openid, scope, nickname: options.nickname ?? '张三', used: false });
        back.searchParams.set('code', code);
      }
      back.searchParams.set('state', q.get('state') as string);
      return back;
    },
    failNext(path, errcode, errmsg) {
      failures.set(path, { errcode, errmsg });
    },
    close: async () => {},
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    calls[url.pathname] = (calls[url.pathname] ?? 0) + 1;
    const delay = url.pathname.startsWith('/cgi-bin/') ? stand.delayMs : 0;
    setTimeout(() => {
      const body = JSON.stringify(answer(url.pathname, url.searchParams));
      res.writeHead(200, { 'content-type': 'application/json; encoding=utf-8' });
      res.end(body);
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stand.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stand.close = () => new Promise((resolve) => server.close(() => resolve()));
  return stand;
}
