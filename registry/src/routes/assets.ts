/**
 * Browser assets: `GET /-/assets/<tarball sha256>/<path>` serves the unpacked Module Federation files of
 * an approved version. The URL is content-hashed (the tarball's digest fixes every byte under it), so
 * the answer is immutable for a year; the bytes come only from the registry's own blob store, never
 * from a URL a client supplied. `GET /-/cunmen/v1/releases/<@scope>/<name>/<version>` is the signed
 * release the shell assembles snapshots from. The type an asset is served as is the registry's
 * (services/assets/asset-types.ts), never the one the publisher declared. Text types are sent brotli or
 * gzip compressed when the client takes it, each compressed once per content hash.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regError } from '../errors.js';
import { assetDelivery } from '../services/assets/asset-types.js';
import { CompressedAssets, chooseEncoding, isCompressible } from '../services/assets/compressed.js';
import { signedRelease } from '../services/release.js';
import { BlobCache } from '../storage/blobs/blob-cache.js';
import type { RouteOptions } from './options.js';
import { scopedName, scopedVersionParamsSchema } from './params.js';

const SHA256 = /^[0-9a-f]{64}$/;
const assetParamsSchema = z.object({ '*': z.string().describe('<tarball sha256>/<path>') });

export const assetRoutes: FastifyPluginAsync<RouteOptions> = async (base, opts) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const blobs = new BlobCache(opts.storage.blobs);
  const compressed = new CompressedAssets();
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
    const delivery = assetDelivery(path);
    const compressible = delivery.disposition === 'inline' && isCompressible(delivery.contentType);
    const encoding = compressible ? chooseEncoding(request.headers['accept-encoding']) : null;
    const packed =
      encoding === null
        ? null
        : await compressed.get(asset.blobSha256, asset.size, encoding, () =>
            blobs.read(asset.blobSha256, asset.size),
          );
    // Each representation has its own strong validator, so a cache never answers one with another.
    const etag = packed ? `"${asset.blobSha256}-${encoding}"` : `"${asset.blobSha256}"`;
    if (compressible) addVary(reply, 'Accept-Encoding');
    reply
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('etag', etag)
      .header('x-content-type-options', 'nosniff')
      .header('cross-origin-resource-policy', 'cross-origin')
      .header('content-type', delivery.contentType);
    if (delivery.sandbox) reply.header('content-security-policy', 'sandbox');
    if (delivery.disposition === 'attachment') {
      reply.header('content-disposition', `attachment; filename="${downloadName(path)}"`);
    }
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    if (packed && encoding) {
      return reply
        .header('content-encoding', encoding)
        .header('content-length', String(packed.length))
        .send(packed);
    }
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
      return signedRelease(opts.storage, opts.assetUrl, opts.keys.keyId, name, version);
    },
  );
};

function addVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  reply.header('vary', current ? `${String(current)}, ${field}` : field);
}

/** The file name of a download, reduced to characters that cannot break the header. */
function downloadName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/[^A-Za-z0-9._-]/g, '_');
}
