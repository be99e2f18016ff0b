/**
 * WeChat web authorisation (网页授权, OAuth 2.0 of official accounts) for residents, and the JS-SDK page
 * signature (./wechat-client.ts speaks the protocol):
 *
 * - `GET /api/auth/wechat/start?village=…&scope=base|userinfo&returnTo=/…` redirects to WeChat with a
 *   random `state`, kept only hashed, bound to this browser by a random value in an HttpOnly cookie,
 *   usable once within ten minutes;
 * - `GET /api/auth/wechat/callback?code=…&state=…` takes the state (on whichever instance), exchanges the
 *   code for the openid (and the profile with `snsapi_userinfo`), then binds the openid to the signed-in
 *   resident, or signs in the resident it is bound to, or makes a new resident of the village;
 * - `GET /api/wechat/js-config?url=…` answers `{appId, timestamp, nonceStr, signature}` for a page of
 *   this portal's own origin.
 *
 * A forged, expired or replayed state, a browser other than the one that started, WeChat's error JSON
 * and an openid bound to another resident are each refused with their own code; nothing changes then.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { shellError } from '../errors.js';
import { channelError } from './channel-errors.js';
import { jsConfigQuery, parseInput, wechatStartQuery } from './channel-input.js';
import type { ResidentChannels } from './channels.js';
import type { IdentityContext } from './context.js';
import { jssdkSignature, newNonce } from './jssdk.js';
import { createResident } from './resident-accounts.js';
import { WechatApiError, type WechatClient } from './wechat-client.js';
import type { WechatTokens } from './wechat-tokens.js';

export const WECHAT_ATTEMPT_MS = 10 * 60_000;

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

function sameHash(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface WechatParts {
  client: WechatClient;
  tokens: WechatTokens;
}

export function wechatRoutes(
  app: FastifyInstance,
  ctx: IdentityContext,
  channels: ResidentChannels,
  wechat: WechatParts | null,
): void {
  const { store } = ctx;
  const bindingCookie = `${ctx.cookieName}_wechat`;
  const cookieOptions = { httpOnly: true, secure: ctx.secureCookies, path: '/' } as const;
  const configured = (): WechatParts => {
    if (!wechat) throw channelError('SHELL_ERR_WECHAT_NOT_CONFIGURED');
    return wechat;
  };
  /** The portal's own origin: the public URL, else the origin this request came to. */
  const portalOrigin = (request: FastifyRequest) =>
    channels.publicUrl ? new URL(channels.publicUrl).origin : `${request.protocol}://${request.host}`;
  const refuse = (request: FastifyRequest, detail: Record<string, unknown>) =>
    ctx.record(request, 'anonymous', 'auth.login-failed', { via: 'wechat', ...detail }, 'wechat');
  const wechatFailed = async (request: FastifyRequest, err: unknown, step: string) => {
    if (!(err instanceof WechatApiError)) throw err;
    request.log.warn({ errcode: err.errcode, errmsg: err.errmsg, step }, 'WeChat refused');
    await refuse(request, { reason: 'wechat-error', step, errcode: err.errcode, errmsg: err.errmsg });
    return channelError(
      'SHELL_ERR_WECHAT_FAILED',
      `WeChat refused ${step}: errcode ${err.errcode} (${err.errmsg})`,
      {
        zh: `微信授权失败（错误码 ${err.errcode}），请重新进入`,
      },
    );
  };

  app.get('/api/auth/wechat/start', ctx.limited, async (request, reply) => {
    const { client } = configured();
    const query = parseInput(wechatStartQuery, request.query, 'query');
    if (!(await channels.villageExists(query.village))) {
      throw shellError('SHELL_ERR_BAD_REQUEST', `village: no village ${query.village} on this platform`, {
        zh: `村：平台上没有区划代码为 ${query.village} 的村`,
        field: 'village',
      });
    }
    const scope = query.scope === 'userinfo' ? 'snsapi_userinfo' : 'snsapi_base';
    const state = randomBytes(24).toString('base64url');
    const binding = randomBytes(32).toString('base64url');
    const now = Date.now();
    await store.saveWechatAttempt({
      stateHash: sha256(state),
      browserHash: sha256(binding),
      scope,
      village: query.village,
      returnTo: query.returnTo ?? `/v/${query.village}/`,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + WECHAT_ATTEMPT_MS).toISOString(),
    });
    await ctx.record(
      request,
      request.identity?.user.name ?? 'anonymous',
      'auth.wechat-start',
      { scope, village: query.village },
      'wechat',
    );
    // Lax: WeChat sends the browser back with a top-level GET, which Lax cookies accompany.
    reply.setCookie(bindingCookie, binding, {
      ...cookieOptions,
      sameSite: 'lax',
      maxAge: WECHAT_ATTEMPT_MS / 1000,
    });
    const redirectUri = `${portalOrigin(request)}/api/auth/wechat/callback`;
    return reply.redirect(client.authorizeUrl(redirectUri, scope, state), 302);
  });

  app.get<{ Querystring: { code?: string; state?: string } }>(
    '/api/auth/wechat/callback',
    async (request, reply) => {
      const { client } = configured();
      const { code, state } = request.query;
      const attempt =
        typeof state === 'string' && state !== '' ? await store.takeWechatAttempt(sha256(state)) : null;
      reply.clearCookie(bindingCookie, cookieOptions);
      if (!attempt) {
        await refuse(request, { reason: 'state-unknown' });
        throw channelError(
          'SHELL_ERR_WECHAT_STATE',
          'unknown or already used WeChat sign-in attempt (state)',
        );
      }
      if (Date.parse(attempt.expiresAt) <= Date.now()) {
        await refuse(request, { reason: 'state-expired' });
        throw channelError('SHELL_ERR_WECHAT_STATE', 'this WeChat sign-in attempt expired (state)', {
          zh: '微信登录请求已过期，请重新进入',
        });
      }
      const binding = request.cookies[bindingCookie];
      if (!binding || !sameHash(sha256(binding), attempt.browserHash)) {
        await refuse(request, { reason: 'browser' });
        throw channelError('SHELL_ERR_WECHAT_STATE', 'this WeChat sign-in was started in another browser', {
          zh: '微信登录请求不是从本浏览器发起的，请重新进入',
        });
      }
      if (typeof code !== 'string' || code === '') {
        await refuse(request, { reason: 'denied' });
        throw channelError('SHELL_ERR_WECHAT_DENIED');
      }
      let openid: string;
      let nickname = '';
      try {
        const grant = await client.exchangeCode(code);
        openid = grant.openid;
        if (attempt.scope === 'snsapi_userinfo')
          nickname = (await client.userInfo(grant.accessToken, openid)).nickname;
      } catch (err) {
        throw await wechatFailed(request, err, 'the authorisation code');
      }

      const signedIn = request.identity?.user;
      if (signedIn) {
        if (signedIn.role !== 'resident') {
          await refuse(request, { reason: 'not-resident', account: signedIn.name });
          throw shellError('SHELL_ERR_FORBIDDEN', 'WeChat is bound to resident accounts only', {
            zh: '只有村民账号可以绑定微信',
          });
        }
        const result = await store.bindWechatOpenid(signedIn.id, openid);
        if (result === 'openid-taken' || result === 'account-has-other') {
          await ctx.record(request, signedIn.name, 'auth.wechat-bind-refused', { openid, reason: result });
          throw channelError(
            result === 'openid-taken' ? 'SHELL_ERR_WECHAT_ALREADY_BOUND' : 'SHELL_ERR_WECHAT_OTHER_BOUND',
          );
        }
        await ctx.record(request, signedIn.name, 'auth.wechat-bound', {
          openid,
          already: result === 'already-bound',
        });
        return reply.redirect(attempt.returnTo, 302);
      }

      let user = await store.findUserByWechatOpenid(openid);
      let created = false;
      if (!user) {
        ({ user, created } = await createResident(
          store,
          {
            displayName: nickname.trim().slice(0, 32) || '微信用户',
            village: attempt.village,
            wechatOpenid: openid,
          },
          () => store.findUserByWechatOpenid(openid),
        ));
      }
      if (user.role !== 'resident' || !ctx.belongsHere(user)) {
        await ctx.record(request, user.name, 'auth.login-refused', { via: 'wechat' });
        throw ctx.wrongOrigin(user);
      }
      await ctx.startSession(reply, user, true);
      await ctx.record(request, user.name, 'auth.login', {
        via: 'wechat',
        scope: attempt.scope,
        openid,
        created,
      });
      return reply.redirect(attempt.returnTo, 302);
    },
  );

  app.get('/api/wechat/js-config', ctx.limited, async (request) => {
    const { client, tokens } = configured();
    const { url } = parseInput(jsConfigQuery, request.query, 'query');
    const page = new URL(url);
    if (page.origin !== portalOrigin(request)) {
      throw channelError(
        'SHELL_ERR_WECHAT_URL',
        `url: ${page.origin} is not this portal's origin ${portalOrigin(request)}`,
        {
          field: 'url',
        },
      );
    }
    let ticket: string;
    try {
      ticket = await tokens.jsapiTicket();
    } catch (err) {
      throw await wechatFailed(request, err, 'the jsapi_ticket');
    }
    const nonceStr = newNonce();
    const timestamp = Math.floor(Date.now() / 1000);
    return {
      appId: client.appId,
      timestamp,
      nonceStr,
      signature: jssdkSignature({ ticket, nonceStr, timestamp, url }),
    };
  });
}
