/**
 * Browser assets: `GET /-/assets/<tarball sha256>/<path>` serves the unpacked Module Federation files of
 * an approved version. The URL is content-hashed (the tarball's digest fixes every byte under it), so
 * the answer is immutable for a year; the bytes come only from the registry's own blob store, never
 * from a URL a client supplied. `GET /-/cunmen/v1/releases/<@scope>/<name>/<version>` is the signed
 * release the shell assembles snapshots from.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regError } from '../errors.js';
import { signedRelease } from '../services/release.js';
import { BlobCache } from '../storage/blobs/blob-cache.js';
import type { RouteOptions } from './options.js';
import { scopedName, scopedVersionParamsSchema } from './params.js';

const SHA256 = /^[0-9a-f]{64}$/;
const assetParamsSchema = z.object({ '*': z.string().describe('<tarball sha256>/<path>') });

export const assetRoutes: FastifyPluginAsync<RouteOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const blobs = new BlobCache(opts.storage.blobs);
  const allowOrigin = (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    if (opts.shellOrigins.length === 0) reply.header('access-control-allow-origin', '*');
    else if (origin && opts.shellOrigins.includes(origin)) {
      reply.header('access-control-allow-origin', origin).header('vary', 'Origin');
    }
  };

  app.options('/-/assets/*', async (request, reply) => {
    allowOrigin(request, reply);
    return reply
      .header('access-control-allow-methods', 'GET, HEAD')
      .header('access-control-max-age', '86400')
      .code(204)
      .send();
  });

  app.get('/-/assets/*', { schema: { params: assetParamsSchema } }, async (request, reply) => {
    const rest = request.params['*'];
    const slash = rest.indexOf('/');
    const digest = slash > 0 ? rest.slice(0, slash) : '';
    const path = slash > 0 ? rest.slice(slash + 1) : '';
    if (!SHA256.test(digest) || path === '' || path.split('/').includes('..')) {
      throw regError('REG_ERR_NOT_FOUND', `asset ${rest} not found`);
    }
    const asset = await opts.storage.packages.getAsset(digest, path);
    if (!asset) throw regError('REG_ERR_NOT_FOUND', `asset ${rest} not found`);
    allowOrigin(request, reply);
    const etag = `"${asset.blobSha256}"`;
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('content-type', contentType(asset.contentType, path));
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    const bytes = await blobs.read(asset.blobSha256, asset.size);
    if (!bytes) throw new Error(`blob ${asset.blobSha256} of asset ${rest} is missing`);
    return reply.header('content-length', String(asset.size)).send(bytes);
  });

  app.get(
    '/-/cunmen/v1/releases/:scope/:pkg/:version',
    { schema: { params: scopedVersionParamsSchema } },
    async (request) => {
      const { scope, pkg, version } = request.params;
      const name = scopedName(request.params, `no approved release ${scope}/${pkg}@${version}`);
      return signedRelease(opts.storage, opts.publicUrl, opts.keys.keyId, name, version);
    },
  );
};

/** JavaScript as `text/javascript; charset=utf-8` whatever the build wrote; others as declared. */
function contentType(declared: string, path: string): string {
  if (/\.m?js$/.test(path)) return 'text/javascript; charset=utf-8';
  if (path.endsWith('.json')) return 'application/json; charset=utf-8';
  if (path.endsWith('.css')) return 'text/css; charset=utf-8';
  return declared;
}
