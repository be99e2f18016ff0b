/**
 * `npm login`, both ways npm 11 knows:
 * - web (the default): `POST /-/v1/login` → `{loginUrl, doneUrl}`; the person opens loginUrl, signs in
 *   with name and password on the registry's own page; npm polls doneUrl (202 + Retry-After while
 *   waiting, then 200 `{token}`, handed out once).
 * - legacy (`--auth-type=legacy`): `PUT /-/user/org.couchdb.user:<name>` `{name, password}` → a new
 *   token. Accounts are made by the province (`cunmen-registry user add`); this never creates one.
 * Both are rate-limited per source address, counted in the database (shared by every instance).
 */
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regError, registryErrors } from '../errors.js';
import { completeWebLogin, issueLoginToken, startWebLogin } from '../services/accounts.js';
import type { RouteOptions } from './options.js';
import { sharedRateLimitStore } from './rate-limit-store.js';

const SESSION = /^[A-Za-z0-9_-]{32,64}$/;

/** What npm and the login form send; a missing or empty field is refused as a bad login, not a 400. */
const credentialsSchema = z
  .looseObject({ name: z.string().optional(), password: z.string().optional() })
  .optional();

function noSession(): never {
  throw regError('REG_ERR_NOT_FOUND', 'no such login session');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(id: string, message = ''): string {
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录村门组件仓库 Sign in to the Cunmen registry</title>
<style>body{font:18px/1.5 system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
label{display:block;margin-top:1rem}input{font:inherit;width:100%;padding:.6rem;box-sizing:border-box}
button{font:inherit;margin-top:1.5rem;padding:.7rem 1.5rem;min-height:48px}p.error{color:#a50e0e}</style></head>
<body><main><h1>登录组件仓库</h1><p>Sign in to finish <code>npm login</code>.</p>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="/-/login/${id}">
<label for="name">用户名 User name</label><input id="name" name="name" autocomplete="username" required>
<label for="password">密码 Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录 Sign in</button></form></main></body></html>`;
}

/** The login pages are the registry's only HTML: nothing but their own form may run or frame them. */
function htmlPage(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-type', 'text/html; charset=utf-8')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    );
}

export const loginRoutes: FastifyPluginAsync<RouteOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { storage } = opts;
  await app.register(formbody);
  await app.register(rateLimit, {
    global: false,
    // In the database, so several instances behind a load balancer enforce one limit together.
    store: sharedRateLimitStore(storage.rateLimits),
    errorResponseBuilder: (_request, context) =>
      regError(
        'REG_ERR_RATE_LIMITED',
        `too many login attempts; try again in ${Math.ceil(context.ttl / 1000)} s`,
      ),
  });
  const limited = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } };

  app.put(
    '/-/user/:user',
    { ...limited, schema: { params: z.object({ user: z.string() }), body: credentialsSchema } },
    async (request, reply) => {
      const m = /^org\.couchdb\.user:(.+)$/.exec(request.params.user);
      if (!m) throw regError('REG_ERR_NOT_FOUND', `no route for PUT /-/user/${request.params.user}`);
      const body = request.body ?? {};
      if (body.name !== undefined && body.name !== m[1]) {
        throw regError('REG_ERR_BAD_LOGIN', `the body names "${body.name}" but the URL names "${m[1]}"`, {
          field: 'name',
        });
      }
      const { user, token } = await issueLoginToken(storage, m[1], body.password, request.ip, 'legacy');
      return reply.code(201).send({ ok: true, id: `org.couchdb.user:${user.name}`, token });
    },
  );

  app.post('/-/v1/login', limited, async () => {
    const id = await startWebLogin(storage);
    return {
      loginUrl: `${opts.publicUrl}/-/login/${id}`,
      doneUrl: `${opts.publicUrl}/-/v1/done?sessionId=${id}`,
    };
  });

  const sessionParams = z.object({ id: z.string() });
  app.get('/-/login/:id', { schema: { params: sessionParams } }, async (request, reply) => {
    if (!SESSION.test(request.params.id)) noSession();
    return htmlPage(reply).send(loginPage(request.params.id));
  });

  app.post(
    '/-/login/:id',
    { ...limited, schema: { params: sessionParams, body: credentialsSchema } },
    async (request, reply) => {
      const id = request.params.id;
      if (!SESSION.test(id)) noSession();
      const body = request.body ?? {};
      htmlPage(reply);
      try {
        if (!(await completeWebLogin(storage, id, body.name, body.password, request.ip))) {
          return reply
            .code(404)
            .send(loginPage(id, '登录会话已失效，请重新运行 npm login。The login session has expired.'));
        }
        return reply.send(
          '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>已登录 Signed in</title></head><body><main><h1>已登录</h1><p>Signed in. You can close this page and return to the terminal.</p></main></body></html>',
        );
      } catch (err) {
        if (registryErrors.owns(err) && err.code === 'REG_ERR_BAD_LOGIN') {
          return reply.code(401).send(loginPage(id, '用户名或密码错误。Wrong user name or password.'));
        }
        throw err;
      }
    },
  );

  app.get(
    '/-/v1/done',
    { schema: { querystring: z.object({ sessionId: z.string().optional() }) } },
    async (request, reply) => {
      const id = request.query.sessionId ?? '';
      if (!SESSION.test(id)) noSession();
      const state = await storage.accounts.takeWebLogin(id);
      if (state.state === 'missing') noSession();
      if (state.state === 'pending') return reply.code(202).header('retry-after', '1').send({});
      return { token: state.token };
    },
  );
};
