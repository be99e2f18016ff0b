/** `PUT /:pkg` (npm sends `@scope%2fname`) and `PUT /@scope/name`: npm publish, see services/publish.ts. */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../auth.js';
import { publishVersion } from '../services/publish.js';
import type { RouteOptions } from './options.js';

export const publishRoutes: FastifyPluginAsync<RouteOptions> = async (app, opts) => {
  const publish = async (request: FastifyRequest, reply: FastifyReply, name: string) => {
    const user = await requireUser(opts.storage, request);
    const result = await publishVersion(opts.storage, user, name, request.body);
    reply.code(201);
    return { ok: true, id: result.name, version: result.version, status: result.status };
  };
  const routeOptions = { bodyLimit: opts.maxPublishBytes };
  app.put<{ Params: { pkg: string } }>('/:pkg', routeOptions, async (request, reply) =>
    publish(request, reply, request.params.pkg),
  );
  app.put<{ Params: { scope: string; pkg: string } }>('/:scope/:pkg', routeOptions, async (request, reply) =>
    publish(request, reply, `${request.params.scope}/${request.params.pkg}`),
  );
};
