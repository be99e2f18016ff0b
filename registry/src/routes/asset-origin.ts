/**
 * The cookie-less asset origin (`--asset-origin https://assets.registry.example.gov.cn`). County code is
 * served from a host that holds nothing else: on it only `/-/assets/…` (and the health probes) answer
 * (the login page and the API are 404 there), a `Cookie` header is dropped before any route sees it and no `Set-Cookie` leaves.
 * On the registry's own host an asset request is redirected there, so no county file is ever served on
 * the origin of the npm web-login page.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { regError } from '../errors.js';

export const ASSET_PREFIX = '/-/assets/';

/** The origin's host (`assets.example:8443`), checked to be an origin distinct from the registry's. */
export function assetHostOf(assetOrigin: string, publicUrl: string): string {
  const url = new URL(assetOrigin);
  if (!/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `the asset origin must be an origin such as https://assets.example.gov.cn, not ${assetOrigin}`,
    );
  }
  if (url.host === new URL(publicUrl).host) {
    throw new Error('the asset origin must be a host other than the registry’s public URL');
  }
  return url.host;
}

function isAssetPath(url: string): boolean {
  return url.startsWith(ASSET_PREFIX);
}

/** A load balancer may probe the asset host too; the probes carry no page and no county content. */
const PROBES = new Set(['/healthz', '/readyz']);

/** Installs the host split on the root instance (before any route plugin). */
export function installAssetOrigin(app: FastifyInstance, assetHost: string, assetUrl: string): void {
  const onAssetHost = (request: FastifyRequest) => request.host === assetHost;
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (onAssetHost(request)) {
      delete request.headers.cookie;
      const method = request.method;
      const allowed = isAssetPath(request.url) || PROBES.has(request.url);
      if (!allowed || !['GET', 'HEAD', 'OPTIONS'].includes(method)) {
        throw regError('REG_ERR_NOT_FOUND', `the asset origin serves only ${ASSET_PREFIX}…`);
      }
      return;
    }
    if (isAssetPath(request.url) && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.code(308).header('location', `${assetUrl}${request.url}`).send();
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (onAssetHost(request)) reply.removeHeader('set-cookie');
    return payload;
  });
}
