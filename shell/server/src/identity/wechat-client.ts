/**
 * The WeChat official-account APIs the shell calls, as WeChat documents them:
 *
 * - web authorisation (网页授权): the browser goes to
 *   `<open>/connect/oauth2/authorize?appid=…&redirect_uri=…&response_type=code&scope=snsapi_base|snsapi_userinfo&state=…#wechat_redirect`
 *   and comes back to the redirect URI with `code` and `state`; the code is exchanged at
 *   `<api>/sns/oauth2/access_token?appid=…&secret=…&code=…&grant_type=authorization_code`
 *   (`{access_token, expires_in, refresh_token, openid, scope, unionid?}`), and with `snsapi_userinfo`
 *   the profile is read at `<api>/sns/userinfo?access_token=…&openid=…&lang=zh_CN` (`{openid, nickname, …}`);
 * - JS-SDK: `<api>/cgi-bin/token?grant_type=client_credential&appid=…&secret=…` (`{access_token,
 *   expires_in}`) and `<api>/cgi-bin/ticket/getticket?access_token=…&type=jsapi` (`{errcode: 0, errmsg:
 *   "ok", ticket, expires_in}`).
 *
 * Every endpoint answers an error as JSON `{errcode, errmsg}` with a non-zero `errcode` (often with HTTP
 * 200): that becomes {@link WechatApiError}.
 */

export interface WechatOptions {
  appId: string;
  appSecret: string;
  /** Default https://api.weixin.qq.com */
  apiBase: string;
  /** Default https://open.weixin.qq.com */
  openBase: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const WECHAT_API_BASE = 'https://api.weixin.qq.com';
export const WECHAT_OPEN_BASE = 'https://open.weixin.qq.com';

/** WeChat's own error (`errcode`, `errmsg`), or an answer that was not what the protocol promises. */
export class WechatApiError extends Error {
  override name = 'WechatApiError';
  constructor(
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat errcode ${errcode}: ${errmsg}`);
  }
}

export interface WechatGrant {
  openid: string;
  accessToken: string;
  scope: string;
  unionid?: string;
}

export interface WechatProfile {
  openid: string;
  nickname: string;
}

export interface ExpiringValue {
  value: string;
  expiresInSeconds: number;
}

const trim = (base: string) => base.replace(/\/+$/, '');

export class WechatClient {
  constructor(readonly options: WechatOptions) {}

  get appId(): string {
    return this.options.appId;
  }

  /** The URL the browser is sent to; WeChat wants the parameters in this order and the fragment. */
  authorizeUrl(redirectUri: string, scope: 'snsapi_base' | 'snsapi_userinfo', state: string): string {
    const q = [
      ['appid', this.options.appId],
      ['redirect_uri', redirectUri],
      ['response_type', 'code'],
      ['scope', scope],
      ['state', state],
    ]
      .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
      .join('&');
    return `${trim(this.options.openBase)}/connect/oauth2/authorize?${q}#wechat_redirect`;
  }

  async exchangeCode(code: string): Promise<WechatGrant> {
    const r = await this.get('/sns/oauth2/access_token', {
      appid: this.options.appId,
      secret: this.options.appSecret,
      code,
      grant_type: 'authorization_code',
    });
    const openid = str(r.openid);
    const accessToken = str(r.access_token);
    if (!openid || !accessToken) throw new WechatApiError(-2, 'no openid or access_token in the answer');
    return {
      openid,
      accessToken,
      scope: str(r.scope) ?? '',
      ...(str(r.unionid) ? { unionid: str(r.unionid) } : {}),
    };
  }

  async userInfo(accessToken: string, openid: string): Promise<WechatProfile> {
    const r = await this.get('/sns/userinfo', { access_token: accessToken, openid, lang: 'zh_CN' });
    return { openid: str(r.openid) ?? openid, nickname: str(r.nickname) ?? '' };
  }

  async accessToken(): Promise<ExpiringValue> {
    const r = await this.get('/cgi-bin/token', {
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.appSecret,
    });
    return expiring(r, 'access_token');
  }

  async jsapiTicket(accessToken: string): Promise<ExpiringValue> {
    const r = await this.get('/cgi-bin/ticket/getticket', { access_token: accessToken, type: 'jsapi' });
    return expiring(r, 'ticket');
  }

  private async get(path: string, query: Record<string, string>): Promise<Record<string, unknown>> {
    const url = `${trim(this.options.apiBase)}${path}?${new URLSearchParams(query)}`;
    let res: Response;
    try {
      res = await (this.options.fetch ?? fetch)(url, {
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new WechatApiError(-1, `no answer from ${path} (${(err as Error).name})`);
    }
    let body: Record<string, unknown>;
    try {
      body = (await res.json()) as Record<string, unknown>;
    } catch {
      throw new WechatApiError(-1, `${path} answered HTTP ${res.status}, not JSON`);
    }
    const errcode = typeof body.errcode === 'number' ? body.errcode : 0;
    if (errcode !== 0) throw new WechatApiError(errcode, str(body.errmsg) ?? '');
    if (!res.ok) throw new WechatApiError(-1, `${path} answered HTTP ${res.status}`);
    return body;
  }
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

function expiring(r: Record<string, unknown>, field: string): ExpiringValue {
  const value = str(r[field]);
  const expiresInSeconds = typeof r.expires_in === 'number' ? r.expires_in : 0;
  if (!value || expiresInSeconds <= 0)
    throw new WechatApiError(-2, `no ${field} or expires_in in the answer`);
  return { value, expiresInSeconds };
}
