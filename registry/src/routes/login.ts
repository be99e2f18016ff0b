/**
 * `npm login`, both ways npm 11 knows:
 * - web (the default): `POST /-/v1/login` → `{loginUrl, doneUrl}`; the person opens loginUrl, signs in
 *   with name and password on the registry's own page; npm polls doneUrl (202 + Retry-After while
 *   waiting, then 200 `{token}`, handed out once).
 * - legacy (`--auth-type=legacy`): `PUT /-/user/org.couchdb.user:<name>` `{name, password}` → a new
 *   token. Accounts are made by the province (`cunmen-registry user add`); this never creates one.
 * Both are rate-limited per source address.
 */
import { randomBytes } from 'node:crypto';
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync } from 'fastify';
import { regError } from '../errors.js';
import { checkPassword } from '../services/passwords.js';
import { hashToken, newToken } from '../services/tokens.js';
import type { Storage } from '../storage/types.js';
import type { RouteOptions } from './options.js';

const SESSION = /^[A-Za-z0-9_-]{32,64}$/;

async function issueToken(storage: Storage, name: unknown, password: unknown, ip: string, via: string) {
  if (typeof name !== 'string' || typeof password !== 'string' || name === '' || password === '') {
    throw regError('REG_ERR_BAD_LOGIN', 'give a user name and a password');
  }
  const user = await storage.meta.findUserByName(name);
  const ok = await checkPassword(password, user?.passwordHash ?? null);
  if (!user || !ok) throw regError('REG_ERR_BAD_LOGIN', 'wrong user name or password');
  const token = newToken();
  await storage.meta.addToken(user.id, hashToken(token));
  await storage.audit.append({
    actor: user.name,
    action: 'token.create',
    subject: `user:${user.name}`,
    detail: { via },
    ip,
  });
  return { user, token };
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

export const loginRoutes: FastifyPluginAsync<RouteOptions> = async (app, opts) => {
  const { storage } = opts;
  await app.register(formbody);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: `too many login attempts; try again in ${Math.ceil(context.ttl / 1000)} s`,
      code: 'REG_ERR_RATE_LIMITED',
    }),
  });
  const limited = { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } };

  app.put<{ Params: { user: string } }>('/-/user/:user', limited, async (request, reply) => {
    const m = /^org\.couchdb\.user:(.+)$/.exec(request.params.user);
    if (!m) throw regError('REG_ERR_NOT_FOUND', `no such endpoint: PUT /-/user/${request.params.user}`);
    const body = (request.body ?? {}) as { name?: unknown; password?: unknown };
    if (body.name !== undefined && body.name !== m[1]) {
      throw regError(
        'REG_ERR_BAD_LOGIN',
        `the body names "${String(body.name)}" but the URL names "${m[1]}"`,
      );
    }
    const { user, token } = await issueToken(storage, m[1], body.password, request.ip, 'legacy');
    return reply.code(201).send({ ok: true, id: `org.couchdb.user:${user.name}`, token });
  });

  app.post('/-/v1/login', limited, async () => {
    const id = randomBytes(24).toString('base64url');
    await storage.meta.createWebLogin(id);
    return {
      loginUrl: `${opts.publicUrl}/-/login/${id}`,
      doneUrl: `${opts.publicUrl}/-/v1/done?sessionId=${id}`,
    };
  });

  app.get<{ Params: { id: string } }>('/-/login/:id', async (request, reply) => {
    if (!SESSION.test(request.params.id)) throw regError('REG_ERR_NOT_FOUND', 'no such login session');
    return reply
      .header('content-type', 'text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      )
      .send(loginPage(request.params.id));
  });

  app.post<{ Params: { id: string } }>('/-/login/:id', limited, async (request, reply) => {
    const id = request.params.id;
    if (!SESSION.test(id)) throw regError('REG_ERR_NOT_FOUND', 'no such login session');
    const body = (request.body ?? {}) as { name?: unknown; password?: unknown };
    reply
      .header('content-type', 'text/html; charset=utf-8')
      .header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
      );
    try {
      const { token } = await issueToken(storage, body.name, body.password, request.ip, 'web');
      if (!(await storage.meta.completeWebLogin(id, token))) {
        await storage.meta.revokeToken(hashToken(token));
        return reply
          .code(404)
          .send(loginPage(id, '登录会话已失效，请重新运行 npm login。The login session has expired.'));
      }
      return reply.send(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>已登录 Signed in</title></head><body><main><h1>已登录</h1><p>Signed in. You can close this page and return to the terminal.</p></main></body></html>',
      );
    } catch (err) {
      if ((err as { code?: string }).code === 'REG_ERR_BAD_LOGIN') {
        return reply.code(401).send(loginPage(id, '用户名或密码错误。Wrong user name or password.'));
      }
      throw err;
    }
  });

  app.get<{ Querystring: { sessionId?: string } }>('/-/v1/done', async (request, reply) => {
    const id = request.query.sessionId ?? '';
    if (!SESSION.test(id)) throw regError('REG_ERR_NOT_FOUND', 'no such login session');
    const state = await storage.meta.takeWebLogin(id);
    if (state.state === 'missing') throw regError('REG_ERR_NOT_FOUND', 'no such login session');
    if (state.state === 'pending') return reply.code(202).header('retry-after', '1').send({});
    return { token: state.token };
  });
};
