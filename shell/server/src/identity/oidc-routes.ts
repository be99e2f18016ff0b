/**
 * `GET /api/auth/oidc/login?returnTo=/…` and `GET /api/auth/oidc/callback`: sign-in through the
 * provincial identity platform (./oidc.ts).
 *
 * The attempt (state, nonce, PKCE verifier) is bound to the browser that started it: the login sets a
 * random value in an HttpOnly cookie and the attempt keeps only its hash, so a callback URL carried into
 * another browser (login CSRF: the victim ends up signed in as the attacker) finds no matching cookie.
 * Only an account an operator linked to the platform's `iss`+`sub` signs in; nothing links by name.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { shellError } from '../errors.js';
import type { IdentityContext } from './context.js';
import type { OidcClient, OidcIdentity, OidcOptions } from './oidc.js';
import { MFA_ROLES } from './roles.js';

const ATTEMPT_SECONDS = 600;

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

function sameHash(a: string, b: string): boolean {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return x.length === y.length && timingSafeEqual(x, y);
}

const notConfigured = () =>
  shellError('SHELL_ERR_OIDC_NOT_CONFIGURED', 'sign-in through the identity platform is not configured', {
    zh: '未配置统一身份认证登录',
  });

export function oidcRoutes(
  app: FastifyInstance,
  ctx: IdentityContext,
  oidc: { client: OidcClient; options: OidcOptions } | null,
): void {
  const { store } = ctx;
  // `__Host-…_oidc` on the console over https: the same prefix rules as its session cookie.
  const bindingCookie = `${ctx.cookieName}_oidc`;
  const cookieOptions = { httpOnly: true, secure: ctx.secureCookies, path: '/' } as const;

  app.get<{ Querystring: { returnTo?: string } }>(
    '/api/auth/oidc/login',
    ctx.limited,
    async (request, reply) => {
      if (!oidc) throw notConfigured();
      const returnTo = request.query.returnTo ?? '/';
      // Only a path on this site, so the callback can never redirect somewhere else.
      const safeReturn = /^\/(?!\/)[^\s\\]*$/.test(returnTo) ? returnTo : '/';
      const start = await oidc.client.start();
      const binding = randomBytes(32).toString('base64url');
      await store.saveOidcAttempt({
        state: start.state,
        nonce: start.nonce,
        codeVerifier: start.codeVerifier,
        returnTo: safeReturn,
        createdAt: new Date().toISOString(),
        browserHash: sha256(binding),
      });
      // Lax: the platform sends the browser back with a top-level GET, which Lax cookies accompany.
      reply.setCookie(bindingCookie, binding, { ...cookieOptions, sameSite: 'lax', maxAge: ATTEMPT_SECONDS });
      return reply.redirect(start.url, 302);
    },
  );

  app.get<{ Querystring: { state?: string } }>('/api/auth/oidc/callback', async (request, reply) => {
    if (!oidc) throw notConfigured();
    const attempt = request.query.state ? await store.takeOidcAttempt(request.query.state) : null;
    if (!attempt) {
      throw shellError('SHELL_ERR_OIDC_FAILED', 'unknown or already used sign-in attempt (state)', {
        zh: '登录请求无效或已使用，请重新登录',
      });
    }
    reply.clearCookie(bindingCookie, cookieOptions);
    const binding = request.cookies[bindingCookie];
    if (!binding || !attempt.browserHash || !sameHash(sha256(binding), attempt.browserHash)) {
      await ctx.record(request, 'anonymous', 'auth.oidc-refused', { reason: 'browser' }, 'oidc');
      throw shellError('SHELL_ERR_OIDC_FAILED', 'this sign-in was started in another browser', {
        zh: '登录请求不是从本浏览器发起的，请重新登录',
      });
    }
    let identity: OidcIdentity;
    try {
      identity = await oidc.client.finish(new URL(request.url, oidc.options.redirectUri), attempt);
    } catch (err) {
      request.log.warn({ err }, 'OIDC sign-in refused');
      throw shellError(
        'SHELL_ERR_OIDC_FAILED',
        `the identity platform's answer was refused: ${(err as Error).message}`,
        {
          zh: '统一身份认证返回的结果未通过校验',
        },
      );
    }
    const user = await store.findUserByOidcSubject(identity.subject);
    if (!user) {
      await ctx.record(
        request,
        'anonymous',
        'auth.login-failed',
        { via: 'oidc' },
        `oidc:${identity.subject}`,
      );
      throw shellError(
        'SHELL_ERR_OIDC_FAILED',
        'no shell account is linked to this person; ask your county to link one',
        {
          zh: '该身份尚未开通村门账号，请联系县级管理员',
        },
      );
    }
    if (!ctx.belongsHere(user)) throw ctx.wrongOrigin(user);
    await ctx.startSession(reply, user, !MFA_ROLES.has(user.role) || identity.strongAuth);
    await ctx.record(request, user.name, 'auth.login', {
      via: 'oidc',
      strongAuth: identity.strongAuth,
      amr: identity.amr,
    });
    return reply.redirect(attempt.returnTo, 302);
  });
}
