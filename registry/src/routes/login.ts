/**
 * `npm login`, both ways npm 11 knows:
 * - web (the default): `POST /-/v1/login` → `{loginUrl, doneUrl}`; the person opens loginUrl, compares
 *   the client and code it shows with their terminal, signs in with name and password on the registry's
 *   own page; npm polls doneUrl (202 + Retry-After while waiting, then 200 `{token}`, handed out once)
 *   with a secret only it holds, so the token goes to the client that started the login and no other.
 * - legacy (`--auth-type=legacy`): `PUT /-/user/org.couchdb.user:<name>` `{name, password}` → a new
 *   token. Accounts are made by the province (`cunmen-registry user add`); this never creates one.
 * Both are rate-limited per source address, counted in the database (shared by every instance).
 */
import formbody from '@fastify/formbody';
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regError, registryErrors } from '../errors.js';
import { completeWebLogin, issueLoginToken, pollWebLogin, startWebLogin } from '../services/accounts.js';
import type { WebLoginClient } from '../storage/types.js';
import { expiredPage, htmlPage, loginPage, SIGNED_IN_PAGE } from './login-pages.js';
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

/** What npm (or another client) may send to start a web login; older npm versions send `hostname`. */
const startSchema = z.looseObject({ hostname: z.unknown().optional() }).nullish();
const HOST_NAME = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;

function clientOf(request: FastifyRequest, body: z.infer<typeof startSchema>): WebLoginClient {
  const host = typeof body?.hostname === 'string' && HOST_NAME.test(body.hostname) ? body.hostname : null;
  const agent = request.headers['user-agent'];
  return { host, ip: request.ip, agent: typeof agent === 'string' ? agent.slice(0, 200) : null };
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

  // npm prints loginUrl, so the code in it is the one the person finds in the terminal; doneUrl carries
  // the polling secret, which npm never prints.
  app.post('/-/v1/login', { ...limited, schema: { body: startSchema } }, async (request) => {
    const { id, doneSecret, code } = await startWebLogin(storage, clientOf(request, request.body));
    return {
      loginUrl: `${opts.publicUrl}/-/login/${id}?code=${code}`,
      doneUrl: `${opts.publicUrl}/-/v1/done?sessionId=${doneSecret}`,
    };
  });

  const sessionParams = z.object({ id: z.string() });
  const pending = async (id: string) => (SESSION.test(id) ? storage.accounts.findWebLogin(id) : null);
  app.get('/-/login/:id', { schema: { params: sessionParams } }, async (request, reply) => {
    const session = await pending(request.params.id);
    if (!session) return htmlPage(reply).code(404).send(expiredPage());
    return htmlPage(reply).send(loginPage(request.params.id, session));
  });

  app.post(
    '/-/login/:id',
    { ...limited, schema: { params: sessionParams, body: credentialsSchema } },
    async (request, reply) => {
      const id = request.params.id;
      const body = request.body ?? {};
      htmlPage(reply);
      const session = await pending(id);
      if (!session) return reply.code(404).send(expiredPage());
      try {
        if (!(await completeWebLogin(storage, id, body.name, body.password, request.ip))) {
          return reply.code(404).send(expiredPage());
        }
        return reply.send(SIGNED_IN_PAGE);
      } catch (err) {
        if (registryErrors.owns(err) && err.code === 'REG_ERR_BAD_LOGIN') {
          return reply
            .code(401)
            .send(loginPage(id, session, '用户名或密码错误。Wrong user name or password.'));
        }
        throw err;
      }
    },
  );

  app.get(
    '/-/v1/done',
    { schema: { querystring: z.object({ sessionId: z.string().optional() }) } },
    async (request, reply) => {
      const secret = request.query.sessionId ?? '';
      if (!SESSION.test(secret)) noSession();
      const state = await pollWebLogin(storage, secret);
      if (state.state === 'missing') noSession();
      if (state.state === 'pending') return reply.code(202).header('retry-after', '1').send({});
      return { token: state.token };
    },
  );
};
