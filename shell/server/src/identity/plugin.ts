/**
 * Identity for the shell: password sign-in with sessions in HttpOnly cookies, a TOTP second factor for
 * province and county roles, OIDC sign-in through the provincial identity platform, CSRF protection for
 * cookie-authenticated writes, and rate limits on sign-in. Other plugins read `request.identity` and
 * guard routes with `requireUser({ roles, division })`.
 *
 * Routes (all JSON): `POST /api/auth/login {name, password}` · `POST /api/auth/logout` ·
 * `GET /api/auth/me` here; the TOTP routes in ./totp-routes.ts, the OIDC ones in ./oidc-routes.ts;
 * residents' phone and WeChat sign-in in ./phone-routes.ts and ./wechat-routes.ts (./channels.ts), and
 * cadres' pre-registration of residents by phone in ./pre-register-routes.ts.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuditLog } from '@cunmen/audit-log';
import { HOST_API_PATH, MODULE_API_PATH, WIDGET_TOKEN_PATH } from '@cunmen/host-api';
import cookie from '@fastify/cookie';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { shellError } from '../errors.js';
import { cookieWriteProblem } from '../http/auth.js';
import type { ResidentChannels, VillageCheck } from './channels.js';
import type { IdentityContext, SessionAnswer } from './context.js';
import { OidcClient, type OidcOptions } from './oidc.js';
import { oidcRoutes } from './oidc-routes.js';
import { parseBody } from './parse.js';
import { checkPassword, hashPassword, needsRehash } from './passwords.js';
import { phoneRoutes } from './phone-routes.js';
import { preRegisterRoutes } from './pre-register-routes.js';
import { registerRateLimits } from './rate-limit.js';
import { canActOn, type IdentityRole, isStaffRole, MFA_ROLES } from './roles.js';
import type { IdentityStore, IdentityUser, Session } from './store.js';
import { totpRoutes } from './totp-routes.js';
import { WechatClient } from './wechat-client.js';
import { wechatRoutes } from './wechat-routes.js';
import { WechatTokens } from './wechat-tokens.js';

export const SESSION_COOKIE = 'cunmen_session';
/** The staff console's session cookie; `__Host-` (host-only, Secure, Path=/) when served over https. */
export const CONSOLE_COOKIE = 'cunmen_console';

/** The console's cookie name on this origin. */
export function consoleCookieName(secure: boolean): string {
  return secure ? `__Host-${CONSOLE_COOKIE}` : CONSOLE_COOKIE;
}

const SESSION_HOURS = 12;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const HOST_API_BEARER_PREFIX = `${HOST_API_PATH}/`;
const MODULE_API_PREFIX = `${MODULE_API_PATH}/`;

export interface IdentityOptions {
  store: IdentityStore;
  /** Where sign-ins (and failed attempts) and second-factor changes are recorded. */
  audit?: AuditLog;
  /** Set `Secure` on the cookie (the shell is served over https). */
  secureCookies: boolean;
  oidc?: OidcOptions;
  /** Issuer name shown in authenticator apps. */
  totpIssuer?: string;
  /** Sign-in attempts per minute per address. */
  loginRateLimit?: number;
  /** Where rate limits are counted (./rate-limit.ts): this process by default. */
  rateLimitStore?: FastifyRateLimitStoreCtor;
  /**
   * The origin this instance serves: the resident portal (default) or the staff console. Each has its
   * own cookie and its own session tokens, so a session of one is never accepted by the other.
   */
  surface?: 'resident' | 'console';
  /**
   * On the resident origin: the staff console's URL, when the shell serves one. Staff accounts then sign
   * in only there, and a staff session on the resident origin counts as nobody.
   */
  consoleUrl?: string;
  /** Residents' SMS and WeChat sign-in (resident origin only); omitted: those routes are not served. */
  channels?: ResidentChannels;
  /** Lets staff pre-register residents by phone for the villages it knows; omitted: not served. */
  villageExists?: VillageCheck;
}

export interface RequestIdentity {
  user: IdentityUser;
  session: Session;
}

declare module 'fastify' {
  interface FastifyRequest {
    identity: RequestIdentity | null;
  }
  interface FastifyInstance {
    /** A preHandler that lets through a signed-in user who passed MFA, has one of `roles`, and whose
     * division covers the code returned by `division(request)` when given. */
    requireUser(options?: {
      roles?: readonly IdentityRole[];
      division?: (request: FastifyRequest) => string | undefined;
    }): preHandlerAsyncHookHandler;
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function publicUser(u: IdentityUser) {
  return {
    name: u.name,
    displayName: u.displayName,
    role: u.role,
    division: u.division,
    household: u.household,
    totpEnabled: u.totpEnabled,
  };
}

const loginBody = z
  .object({ name: z.string().min(1).max(64), password: z.string().min(1).max(200) })
  .strict();

async function identityPlugin(app: FastifyInstance, opts: IdentityOptions): Promise<void> {
  const { store } = opts;
  const onConsole = opts.surface === 'console';
  const cookieName = onConsole ? consoleCookieName(opts.secureCookies) : SESSION_COOKIE;
  // Console tokens are hashed in their own domain: a console token presented to the resident origin
  // (even under the resident cookie's name) finds no session there, and the other way round.
  const tokenHash = onConsole ? (token: string) => hash(`console:${token}`) : hash;
  const staffElsewhere = !onConsole && opts.consoleUrl !== undefined;
  /** Staff belong to the console and residents to their portal: who may hold a session here. */
  const belongsHere = (user: IdentityUser) =>
    onConsole ? isStaffRole(user.role) : !staffElsewhere || !isStaffRole(user.role);
  const wrongOrigin = (user: IdentityUser) =>
    onConsole
      ? shellError('SHELL_ERR_NOT_STAFF', `${user.name} is a ${user.role}: the console is for staff accounts`)
      : shellError(
          'SHELL_ERR_STAFF_ON_CONSOLE',
          `${user.name} is a ${user.role}: staff sign in on the console at ${opts.consoleUrl}`,
          { zh: `工作人员账号请到村门工作台登录：${opts.consoleUrl}` },
        );
  const record: IdentityContext['record'] = async (request, actor, action, detail = {}, subject) => {
    await opts.audit?.append({ actor, action, subject: subject ?? `user:${actor}`, detail, ip: request.ip });
  };
  await app.register(cookie);
  await registerRateLimits(app, opts.rateLimitStore);
  const limited = { config: { rateLimit: { max: opts.loginRateLimit ?? 10, timeWindow: '1 minute' } } };

  app.decorateRequest('identity', null);

  app.addHook('onRequest', async (request) => {
    // Host-API calls other than minting a widget credential are authenticated by that bearer credential
    // alone (src/host-api), never by the cookie: no identity for them, and nothing a CSRF could ride on.
    if (request.url.startsWith(HOST_API_BEARER_PREFIX) && !request.url.startsWith(WIDGET_TOKEN_PATH)) return;
    // The same for the standard modules' routes (src/modules): the widget credential alone decides.
    if (request.url.startsWith(MODULE_API_PREFIX)) return;
    const token = request.cookies[cookieName];
    if (!token) return;
    const session = await store.findSession(tokenHash(token));
    if (!session || Date.parse(session.expiresAt) < Date.now()) return;
    const user = await store.findUserById(session.userId);
    if (!user || !belongsHere(user)) return;
    request.identity = { user, session };
    // A write that rides on the cookie must prove it comes from our own page (http/auth.ts).
    const problem = SAFE_METHODS.has(request.method) ? null : cookieWriteProblem(request, session.csrfToken);
    if (problem !== null) {
      const isSignIn =
        request.url.startsWith('/api/auth/login') ||
        request.url.startsWith('/api/auth/oidc/') ||
        request.url.startsWith('/api/auth/phone/code') ||
        request.url.startsWith('/api/auth/phone/sign-in');
      // Widget credentials have their own CSRF defence (JSON only, same-origin Origin and
      // Sec-Fetch-Site, see host-api/routes/same-origin.ts).
      const isWidgetToken = request.url.startsWith(WIDGET_TOKEN_PATH);
      if (!isSignIn && !isWidgetToken) {
        throw shellError('SHELL_ERR_CSRF', `this write is not proven to come from this origin (${problem})`, {
          zh: '请求缺少安全校验（CSRF），请刷新页面后重试',
        });
      }
    }
  });

  async function startSession(reply: FastifyReply, user: IdentityUser, mfaPassed: boolean): Promise<Session> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const session: Session = {
      tokenHash: tokenHash(token),
      userId: user.id,
      csrfToken: randomBytes(24).toString('base64url'),
      mfaPassed,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString(),
    };
    await store.deleteExpiredSessions(now.toISOString());
    await store.createSession(session);
    reply.setCookie(cookieName, token, {
      httpOnly: true,
      secure: opts.secureCookies,
      // The console is never entered from a link on another site with its session: Strict.
      sameSite: onConsole ? 'strict' : 'lax',
      path: '/',
      maxAge: SESSION_HOURS * 3600,
    });
    return session;
  }

  function sessionAnswer(user: IdentityUser, session: Session): SessionAnswer {
    const needsMfa = MFA_ROLES.has(user.role) && !session.mfaPassed;
    return {
      user: publicUser(user),
      csrfToken: session.csrfToken,
      mfa: needsMfa ? (user.totpEnabled ? 'required' : 'enrolment-required') : 'passed',
    };
  }

  app.decorate('requireUser', (options = {}) => async (request: FastifyRequest) => {
    const id = request.identity;
    if (!id) throw shellError('SHELL_ERR_UNAUTHORIZED', 'sign in first', { zh: '请先登录' });
    if (MFA_ROLES.has(id.user.role) && !id.session.mfaPassed) {
      throw shellError('SHELL_ERR_MFA_REQUIRED', 'this role needs its second factor (TOTP) first', {
        zh: '该角色需要先完成动态口令（二次验证）',
      });
    }
    if (options.roles && !options.roles.includes(id.user.role)) {
      throw shellError('SHELL_ERR_FORBIDDEN', `a ${id.user.role} cannot do this`, {
        zh: '当前角色无权执行此操作',
      });
    }
    const code = options.division?.(request);
    if (code !== undefined && !canActOn(id.user.division, code)) {
      throw shellError('SHELL_ERR_FORBIDDEN', `${id.user.name} (${id.user.division}) cannot act on ${code}`, {
        zh: `无权操作辖区外的区划 ${code}`,
      });
    }
  });

  app.post('/api/auth/login', limited, async (request, reply) => {
    const body = parseBody(loginBody, request.body);
    const user = await store.findUserByName(body.name);
    const ok = await checkPassword(body.password, user?.passwordHash ?? null);
    if (!user || !ok) {
      await record(request, body.name, 'auth.login-failed');
      throw shellError('SHELL_ERR_BAD_LOGIN', 'wrong user name or password', { zh: '用户名或密码错误' });
    }
    // Only after the right password: the answer tells which kind of account it is.
    if (!belongsHere(user)) {
      await record(request, user.name, 'auth.login-refused', { surface: opts.surface ?? 'resident' });
      throw wrongOrigin(user);
    }
    // The password is known right now: the moment to store it again at today's cost.
    if (user.passwordHash && needsRehash(user.passwordHash)) {
      await store.updateUser(user.id, { passwordHash: await hashPassword(body.password) });
    }
    const session = await startSession(reply, user, !MFA_ROLES.has(user.role));
    await record(request, user.name, 'auth.login', { via: 'password' });
    return sessionAnswer(user, session);
  });

  app.post('/api/auth/logout', async (request, reply) => {
    if (request.identity) {
      await store.deleteSession(request.identity.session.tokenHash);
      await record(request, request.identity.user.name, 'auth.logout');
    }
    reply.clearCookie(cookieName, { path: '/', secure: opts.secureCookies });
    return { ok: true };
  });

  app.get('/api/auth/me', async (request) => {
    const id = request.identity;
    if (!id) throw shellError('SHELL_ERR_UNAUTHORIZED', 'sign in first', { zh: '请先登录' });
    // Any script of the page (a widget too) can call this: it never carries the CSRF token.
    const { csrfToken: _kept, ...answer } = sessionAnswer(id.user, id.session);
    return answer;
  });

  const ctx: IdentityContext = {
    store,
    audit: opts.audit,
    cookieName,
    surface: onConsole ? 'console' : 'resident',
    secureCookies: opts.secureCookies,
    limited,
    record,
    startSession,
    sessionAnswer,
    belongsHere,
    wrongOrigin,
  };
  totpRoutes(app, ctx, opts.totpIssuer ?? '村门 Cunmen');
  oidcRoutes(app, ctx, opts.oidc ? { client: new OidcClient(opts.oidc), options: opts.oidc } : null);
  if (opts.villageExists) preRegisterRoutes(app, ctx, opts.villageExists);
  if (opts.channels && !onConsole) {
    phoneRoutes(app, ctx, opts.channels);
    const client = opts.channels.wechat ? new WechatClient(opts.channels.wechat) : null;
    wechatRoutes(
      app,
      ctx,
      opts.channels,
      client ? { client, tokens: new WechatTokens(store, client) } : null,
    );
  }
}

export const identity = fp(identityPlugin, { name: 'cunmen-identity', fastify: '5.x' });
