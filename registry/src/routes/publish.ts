/**
 * Writes to a package, as the npm 11 CLI sends them:
 * - `PUT /<@scope%2fname>` with one version and one attachment: publish (services/publish/);
 * - the same PUT without attachments: `npm deprecate` sending back the packument it read with
 *   `?write=true`, `deprecated` changed;
 * - `PUT /<pkg>/-rev/<rev>`: `npm unpublish <pkg>@<v>` sending the packument without that version,
 *   then `DELETE /<pkg>/-/<file>.tgz/-rev/<rev>` for its tarball;
 * - `DELETE /<pkg>/-rev/<rev>`: `npm unpublish` of a package's only (or every) version.
 *
 * Every JSON body here is read as it streams (publish/upload.ts) into a typed upload: the document,
 * and each tarball decoded and hashed while it arrived.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regError } from '../errors.js';
import { requireOwnerOrProvince } from '../services/actor.js';
import { PublishBodyReader, type PublishUpload, publishVersion } from '../services/publish/index.js';
import { checkPublishScope } from '../services/publish/permissions.js';
import { confirmTarballRemoval, unpublishPackage, updateFromPackument } from '../services/unpublish.js';
import { requestActor } from './actor.js';
import type { RouteOptions } from './options.js';
import { encodedParamsSchema, scopedParamsSchema } from './params.js';

const EMPTY_UPLOAD: PublishUpload = { document: {}, tarballs: new Map() };

function isUpload(value: unknown): value is PublishUpload {
  const v = value as Partial<PublishUpload> | null;
  return typeof v === 'object' && v !== null && typeof v.document === 'object' && v.tarballs instanceof Map;
}

/** What the stream reader made of the body; absent when the client sent none (the services refuse it). */
const uploadSchema = z.custom<PublishUpload>(isUpload, { error: 'expected a JSON object' }).optional();
const revParamsSchema = encodedParamsSchema.extend({ rev: z.string() });
const tarballRevParamsSchema = scopedParamsSchema.extend({ file: z.string(), rev: z.string() });

function hasAttachments(upload: PublishUpload): boolean {
  const a = upload.document._attachments;
  return typeof a === 'object' && a !== null && Object.keys(a).length > 0;
}

export const publishRoutes: FastifyPluginAsync<RouteOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { storage } = opts;
  app.addContentTypeParser('application/json', (request, payload, done) => {
    const limit = opts.maxPublishBytes;
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > limit) {
      done(regError('REG_ERR_BODY_TOO_LARGE', 'request body is larger than the registry accepts'), undefined);
      payload.resume();
      return;
    }
    const reader = new PublishBodyReader(limit);
    let failed = false;
    payload.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        reader.write(chunk);
      } catch (err) {
        failed = true;
        done(err as Error, undefined);
      }
    });
    payload.on('end', () => {
      if (failed) return;
      try {
        done(null, reader.end());
      } catch (err) {
        done(err as Error, undefined);
      }
    });
    payload.on('error', (err) => {
      if (!failed) done(err, undefined);
      failed = true;
    });
  });

  const write = async (request: FastifyRequest, reply: FastifyReply, name: string, body?: PublishUpload) => {
    const upload = body ?? EMPTY_UPLOAD;
    const actor = await requestActor(storage, request);
    // The scope is checked from the URL and the body's shape alone, before anything is looked up: a
    // token without rights on the scope gets the same refusal whether the package exists or not.
    const publishing = hasAttachments(upload);
    if (publishing) checkPublishScope(actor.user, name);
    else requireOwnerOrProvince(actor, name, 'deprecate');
    // A body without attachments for a package that exists is npm writing back a packument.
    if (!publishing && (await storage.packages.getPackage(name))) {
      await updateFromPackument(storage, actor, name, upload.document);
      return { ok: true };
    }
    const result = await publishVersion(storage, actor, name, upload, {
      supportedSdk: opts.supportedSdk,
      homeRouteLimit: opts.homeRouteLimit,
    });
    reply.code(201);
    return { ok: true, id: result.name, version: result.version, status: result.status };
  };
  /** The actor, refused before any lookup unless it is the province or owns the package's scope. */
  const unpublisher = async (request: FastifyRequest, name: string) => {
    const actor = await requestActor(storage, request);
    requireOwnerOrProvince(actor, name, 'unpublish');
    return actor;
  };
  const bodyLimit = opts.maxPublishBytes;
  app.put(
    '/:pkg',
    { bodyLimit, schema: { params: encodedParamsSchema, body: uploadSchema } },
    (request, reply) => write(request, reply, request.params.pkg, request.body),
  );
  app.put(
    '/:scope/:pkg',
    { bodyLimit, schema: { params: scopedParamsSchema, body: uploadSchema } },
    (request, reply) => write(request, reply, `${request.params.scope}/${request.params.pkg}`, request.body),
  );

  app.put(
    '/:pkg/-rev/:rev',
    { bodyLimit, schema: { params: revParamsSchema, body: uploadSchema } },
    async (request) => {
      const actor = await unpublisher(request, request.params.pkg);
      await updateFromPackument(storage, actor, request.params.pkg, request.body?.document);
      return { ok: true };
    },
  );
  app.delete('/:pkg/-rev/:rev', { schema: { params: revParamsSchema } }, async (request) => {
    await unpublishPackage(storage, await unpublisher(request, request.params.pkg), request.params.pkg);
    return { ok: true };
  });
  app.delete(
    '/:scope/:pkg/-/:file/-rev/:rev',
    { schema: { params: tarballRevParamsSchema } },
    async (request) => {
      const { scope, pkg, file } = request.params;
      await unpublisher(request, `${scope}/${pkg}`);
      await confirmTarballRemoval(storage, `${scope}/${pkg}`, file);
      return { ok: true };
    },
  );
};
