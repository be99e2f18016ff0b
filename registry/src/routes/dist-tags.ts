/**
 * Dist-tags, as `npm dist-tag ls|add|rm` calls them:
 * `GET /-/package/<@scope%2fname>/dist-tags` → `{ tag: version }` (no token needed);
 * `PUT /-/package/<@scope%2fname>/dist-tags/<tag>` with the JSON string `"1.2.3"` as body;
 * `DELETE /-/package/<@scope%2fname>/dist-tags/<tag>`.
 * The rules (scope, tag names, approved versions, `latest`) are the service's (services/dist-tags.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addDistTag,
  authorizeTagChange,
  removeDistTag,
  requireApprovedPackage,
} from '../services/dist-tags.js';
import { authenticateFirst } from './actor.js';
import type { RouteOptions } from './options.js';
import { encodedParamsSchema } from './params.js';

const tagParamsSchema = encodedParamsSchema.extend({ tag: z.string() });
const tagBodySchema = z.string({ error: 'expected a JSON string naming a version, e.g. "1.2.3"' });

export const distTagRoutes: FastifyPluginAsync<RouteOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { storage } = opts;

  // Token, scope, tag name and package are checked before the body: a stranger learns nothing else.
  const { hook: preValidation, actorOf } = authenticateFirst(storage, async (actor, request) => {
    const { pkg, tag } = request.params as { pkg: string; tag: string };
    await authorizeTagChange(storage, actor.user, pkg, tag);
  });

  app.get('/-/package/:pkg/dist-tags', { schema: { params: encodedParamsSchema } }, async (request) => {
    await requireApprovedPackage(storage, request.params.pkg);
    return storage.packages.getDistTags(request.params.pkg);
  });

  app.put(
    '/-/package/:pkg/dist-tags/:tag',
    { preValidation, schema: { params: tagParamsSchema, body: tagBodySchema } },
    async (request, reply) => {
      const { pkg: name, tag } = request.params;
      await addDistTag(storage, actorOf(request), name, tag, request.body);
      reply.code(201);
      return { ok: true, [tag]: request.body };
    },
  );

  app.delete(
    '/-/package/:pkg/dist-tags/:tag',
    { preValidation, schema: { params: tagParamsSchema } },
    async (request) => {
      await removeDistTag(storage, actorOf(request), request.params.pkg, request.params.tag);
      return { ok: true };
    },
  );
};
