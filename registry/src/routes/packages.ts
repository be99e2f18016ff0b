/**
 * Reading packages: `GET /:pkg` (npm sends `@scope%2fname`), `GET /@scope/name`, and the tarball at
 * `GET /@scope/name/-/name-<version>.tgz`. Only approved versions exist for readers; no token needed.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regError } from '../errors.js';
import { PackumentCache } from '../services/packument-cache.js';
import { BlobCache } from '../storage/blobs/blob-cache.js';
import type { RouteOptions } from './options.js';
import { encodedParamsSchema, scopedParamsSchema } from './params.js';

const tarballParamsSchema = scopedParamsSchema.extend({
  file: z.string().describe('The tarball file, `<name>-<version>.tgz`'),
});

export const packageRoutes: FastifyPluginAsync<RouteOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  /** The full or abbreviated packument (by Accept), with an ETag, 304 on a match, gzip when asked. */
  const cache = new PackumentCache(opts.storage, opts.publicUrl);
  const blobs = new BlobCache(opts.storage.blobs);
  const packument = async (request: FastifyRequest, reply: FastifyReply, name: string) => {
    const cached = await cache.get(name);
    if (!cached) throw regError('REG_ERR_NOT_FOUND', `package ${name} not found`);
    const short = (request.headers.accept ?? '').includes('application/vnd.npm.install-v1+json');
    const serialised = short ? cached.short : cached.full;
    const { body, etag } = serialised;
    reply
      .header('cache-control', 'no-cache')
      .header('vary', 'Accept, Accept-Encoding')
      .header('etag', etag)
      .header('content-type', short ? 'application/vnd.npm.install-v1+json' : 'application/json');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    if (/\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
      return reply.header('content-encoding', 'gzip').send(serialised.gzip());
    }
    return reply.send(body);
  };
  app.get('/:pkg', { schema: { params: encodedParamsSchema } }, async (request, reply) =>
    packument(request, reply, request.params.pkg),
  );
  /** One approved version's manifest, by version or dist-tag (`npm view @scope/name@1.0.0`). */
  const versionManifest = async (name: string, spec: string) => {
    const doc = (await cache.get(name))?.doc;
    const tags = (doc?.['dist-tags'] ?? {}) as Record<string, string>;
    const versions = (doc?.versions ?? {}) as Record<string, unknown>;
    const found = versions[tags[spec] ?? spec];
    if (!found) throw regError('REG_ERR_NOT_FOUND', `${name}@${spec} not found`);
    return found;
  };
  // `/@scope/name` is a packument; `/@scope%2fname/<version>` (the first segment holds the whole
  // encoded name) is one version's manifest.
  app.get('/:scope/:pkg', { schema: { params: scopedParamsSchema } }, async (request, reply) => {
    const { scope, pkg } = request.params;
    if (scope.includes('/')) return versionManifest(scope, pkg);
    return packument(request, reply, `${scope}/${pkg}`);
  });

  app.get('/:scope/:pkg/-/:file', { schema: { params: tarballParamsSchema } }, async (request, reply) => {
    const { scope, pkg, file } = request.params;
    const name = `${scope}/${pkg}`;
    const prefix = `${pkg}-`;
    if (!scope.startsWith('@') || !file.startsWith(prefix) || !file.endsWith('.tgz')) {
      throw regError('REG_ERR_NOT_FOUND', `tarball ${name}/-/${file} not found`);
    }
    const version = file.slice(prefix.length, -'.tgz'.length);
    const record = await opts.storage.packages.getVersion(name, version);
    if (record?.status !== 'approved') {
      throw regError('REG_ERR_NOT_FOUND', `tarball ${name}/-/${file} not found`);
    }
    const stream = await blobs.read(record.blobSha256, record.tarballSize);
    if (!stream) throw new Error(`blob ${record.blobSha256} of ${name}@${version} is missing`);
    reply
      .header('content-type', 'application/octet-stream')
      .header('content-length', String(record.tarballSize))
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', `"${record.shasum}"`);
    return reply.send(stream);
  });
};
