/**
 * Writes to a package, as the npm 11 CLI sends them:
 * - `PUT /<@scope%2fname>` with one version and one attachment: publish (services/publish.ts);
 * - the same PUT without attachments: `npm deprecate` sending back the packument it read with
 *   `?write=true`, `deprecated` changed;
 * - `PUT /<pkg>/-rev/<rev>`: `npm unpublish <pkg>@<v>` sending the packument without that version,
 *   then `DELETE /<pkg>/-/<file>.tgz/-rev/<rev>` for its tarball;
 * - `DELETE /<pkg>/-rev/<rev>`: `npm unpublish` of a package's only (or every) version.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requireUser } from '../auth.js';
import { regError } from '../errors.js';
import { publishVersion } from '../services/publish.js';
import { PublishBodyReader } from '../services/publish-body.js';
import { unpublishPackage, updateFromPackument } from '../services/unpublish.js';
import { requestActor } from './actor.js';
import type { RouteOptions } from './options.js';

function hasAttachments(body: unknown): boolean {
  const a = (body as { _attachments?: unknown } | null)?._attachments;
  return typeof a === 'object' && a !== null && Object.keys(a).length > 0;
}

export const publishRoutes: FastifyPluginAsync<RouteOptions> = async (app, opts) => {
  const { storage } = opts;
  // Publish bodies are read as they stream: the tarball is hashed while it arrives (see publish-body.ts).
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
  const write = async (request: FastifyRequest, reply: FastifyReply, name: string) => {
    // A body without attachments for a package that exists is npm writing back a packument.
    if (!hasAttachments(request.body) && (await storage.meta.getPackage(name))) {
      await updateFromPackument(storage, await requestActor(storage, request), name, request.body);
      return { ok: true };
    }
    const user = await requireUser(storage, request);
    const result = await publishVersion(storage, user, name, request.body, {
      supportedSdk: opts.supportedSdk,
    });
    await storage.audit.append({
      actor: user.name,
      action: 'version.publish',
      subject: `${result.name}@${result.version}`,
      detail: { status: result.status },
      ip: request.ip,
    });
    if (result.status === 'approved') await storage.catalog.reindex(result.name);
    reply.code(201);
    return { ok: true, id: result.name, version: result.version, status: result.status };
  };
  const bodyLimit = { bodyLimit: opts.maxPublishBytes };
  app.put<{ Params: { pkg: string } }>('/:pkg', bodyLimit, async (request, reply) =>
    write(request, reply, request.params.pkg),
  );
  app.put<{ Params: { scope: string; pkg: string } }>('/:scope/:pkg', bodyLimit, async (request, reply) =>
    write(request, reply, `${request.params.scope}/${request.params.pkg}`),
  );

  app.put<{ Params: { pkg: string; rev: string } }>('/:pkg/-rev/:rev', bodyLimit, async (request) => {
    await updateFromPackument(
      storage,
      await requestActor(storage, request),
      request.params.pkg,
      request.body,
    );
    return { ok: true };
  });
  app.delete<{ Params: { pkg: string; rev: string } }>('/:pkg/-rev/:rev', async (request) => {
    await unpublishPackage(storage, await requestActor(storage, request), request.params.pkg);
    return { ok: true };
  });
  app.delete<{ Params: { scope: string; pkg: string; file: string; rev: string } }>(
    '/:scope/:pkg/-/:file/-rev/:rev',
    async (request) => {
      await requestActor(storage, request);
      const { scope, pkg, file } = request.params;
      const name = `${scope}/${pkg}`;
      const prefix = `${pkg}-`;
      const version = file.startsWith(prefix) && file.endsWith('.tgz') ? file.slice(prefix.length, -4) : '';
      const record = await storage.meta.getVersion(name, version);
      if (!record) throw regError('REG_ERR_NOT_FOUND', `tarball ${name}/-/${file} not found`);
      if (record.status !== 'unpublished') {
        throw regError(
          'REG_ERR_BAD_REQUEST',
          `${name}@${version} is still published; unpublish the version first`,
        );
      }
      // The bytes stay in the blob store for the audit trail; the registry never serves them again.
      return { ok: true };
    },
  );
};
