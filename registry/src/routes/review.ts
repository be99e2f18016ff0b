/**
 * Review and trust over HTTP, for the province's review console and scripts:
 * `GET /-/cunmen/v1/review` pending versions; `GET /-/cunmen/v1/review/<@scope>/<name>/<version>` one
 * version in detail; `POST …/approve` `{capabilities?}` and `POST …/reject` `{reason}`; yank, standard
 * and the public key. Every route but the key needs a token; the service decides who may do what.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { regError } from '../errors.js';
import {
  approveRelease,
  inspectRelease,
  listPendingReleases,
  markStandard,
  rejectRelease,
  requireProvince,
  yankRelease,
} from '../services/review.js';
import { requestActor } from './actor.js';
import type { RouteOptions } from './options.js';

const approveBody = z.object({ capabilities: z.array(z.string()).max(50).optional() }).strict();
const reasonBody = z.object({ reason: z.string().max(2000) }).strict();
const standardBody = z.object({ standard: z.boolean() }).strict();

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue && issue.path.length > 0 ? issue.path.join('.') : '(body)';
    throw regError('REG_ERR_BAD_REQUEST', `invalid request body at ${path}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

interface VersionParams {
  scope: string;
  pkg: string;
  version: string;
}

function nameOf(p: { scope: string; pkg: string }): string {
  if (!p.scope.startsWith('@')) throw regError('REG_ERR_NOT_FOUND', `package ${p.scope}/${p.pkg} not found`);
  return `${p.scope}/${p.pkg}`;
}

export const reviewRoutes: FastifyPluginAsync<RouteOptions> = async (app, opts) => {
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

  app.get<{ Params: VersionParams }>('/-/cunmen/v1/review/:scope/:pkg/:version', async (request) => {
    const actor = await requestActor(storage, request);
    requireProvince(actor, 'inspect a version under review');
    return inspectRelease(storage, nameOf(request.params), request.params.version);
  });

  app.post<{ Params: VersionParams }>('/-/cunmen/v1/review/:scope/:pkg/:version/approve', async (request) => {
    const actor = await requestActor(storage, request);
    const body = parse(approveBody, request.body);
    return approveRelease(storage, opts.keys, actor, {
      name: nameOf(request.params),
      version: request.params.version,
      grant: body.capabilities,
    });
  });

  app.post<{ Params: VersionParams }>('/-/cunmen/v1/review/:scope/:pkg/:version/reject', async (request) => {
    const actor = await requestActor(storage, request);
    const body = parse(reasonBody, request.body);
    return rejectRelease(storage, actor, nameOf(request.params), request.params.version, body.reason);
  });

  app.post<{ Params: VersionParams }>('/-/cunmen/v1/packages/:scope/:pkg/:version/yank', async (request) => {
    const actor = await requestActor(storage, request);
    const body = parse(reasonBody, request.body);
    return yankRelease(storage, actor, nameOf(request.params), request.params.version, body.reason);
  });

  app.post<{ Params: { scope: string; pkg: string } }>(
    '/-/cunmen/v1/packages/:scope/:pkg/standard',
    async (request) => {
      const actor = await requestActor(storage, request);
      const body = parse(standardBody, request.body);
      const name = nameOf(request.params);
      await markStandard(storage, actor, name, body.standard);
      return { name, standard: body.standard };
    },
  );
};
