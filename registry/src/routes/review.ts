/**
 * Review and trust over HTTP, for the province's review console and scripts:
 * `GET /-/cunmen/v1/review` pending versions; `GET /-/cunmen/v1/review/<@scope>/<name>/<version>` one
 * version in detail; `POST …/approve` `{capabilities?}` and `POST …/reject` `{reason}`; yank, standard
 * and the public key. Every route but the key needs a token; the service decides who may do what.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireProvince } from '../services/actor.js';
import { markStandard, yankRelease } from '../services/lifecycle.js';
import { approveRelease, inspectRelease, listPendingReleases, rejectRelease } from '../services/review.js';
import { authenticateFirst, requestActor } from './actor.js';
import type { RouteOptions } from './options.js';
import { scopedName, scopedParamsSchema, scopedVersionParamsSchema } from './params.js';

// A missing body is an empty one: `POST …/approve` with nothing grants every requested capability.
const approveBody = z.strictObject({ capabilities: z.array(z.string()).max(50).optional() }).default({});
const reasonBody = z.strictObject({ reason: z.string().max(2000) });
const standardBody = z.strictObject({ standard: z.boolean() });

const nameOf = (p: { scope: string; pkg: string }) => scopedName(p, `package ${p.scope}/${p.pkg} not found`);

export const reviewRoutes: FastifyPluginAsync<RouteOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { storage } = opts;

  app.get('/-/cunmen/v1/keys', async () => ({
    keys: [
      {
        keyId: opts.keys.keyId,
        algorithm: 'ed25519',
        publicKey: opts.keys.publicKeyRaw,
        pem: opts.keys.publicKeyPem,
      },
    ],
  }));

  app.get('/-/cunmen/v1/review', async (request) => {
    const actor = await requestActor(storage, request);
    requireProvince(actor, 'list versions waiting for review');
    return { pending: await listPendingReleases(storage) };
  });

  app.get(
    '/-/cunmen/v1/review/:scope/:pkg/:version',
    { schema: { params: scopedVersionParamsSchema } },
    async (request) => {
      const actor = await requestActor(storage, request);
      requireProvince(actor, 'inspect a version under review');
      return inspectRelease(storage, nameOf(request.params), request.params.version);
    },
  );

  const { hook: preValidation, actorOf } = authenticateFirst(storage);
  app.post(
    '/-/cunmen/v1/review/:scope/:pkg/:version/approve',
    { preValidation, schema: { params: scopedVersionParamsSchema, body: approveBody } },
    async (request) =>
      approveRelease(storage, opts.keys, actorOf(request), {
        name: nameOf(request.params),
        version: request.params.version,
        grant: request.body.capabilities,
      }),
  );

  // Decisions that take a reason, which the publisher (reject) or the portals (yank) are shown.
  const withReason = [
    ['/-/cunmen/v1/review/:scope/:pkg/:version/reject', rejectRelease],
    ['/-/cunmen/v1/packages/:scope/:pkg/:version/yank', yankRelease],
  ] as const;
  for (const [path, decide] of withReason) {
    app.post(
      path,
      { preValidation, schema: { params: scopedVersionParamsSchema, body: reasonBody } },
      async (request) =>
        decide(
          storage,
          actorOf(request),
          nameOf(request.params),
          request.params.version,
          request.body.reason,
        ),
    );
  }

  app.post(
    '/-/cunmen/v1/packages/:scope/:pkg/standard',
    { preValidation, schema: { params: scopedParamsSchema, body: standardBody } },
    async (request) => {
      const name = nameOf(request.params);
      await markStandard(storage, actorOf(request), name, request.body.standard);
      return { name, standard: request.body.standard };
    },
  );
};
