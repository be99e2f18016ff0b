/**
 * Security headers on every HTML response: a Content-Security-Policy that lets scripts come only from
 * the shell itself and the widgets' asset origin, and connections only to the platform; nosniff, a
 * referrer policy, no framing, and HSTS when the public URL is https. The inlined snapshot is
 * `<script type="application/json">`, which browsers never execute, so no inline script is allowed.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

export interface SecurityOptions {
  /** Origins of the registry (API and assets). */
  registryOrigins: string[];
  /** The shell's public URL; HSTS is sent when it is https. */
  publicUrl?: string;
}

export function contentSecurityPolicy(
  assetOrigins: readonly string[],
  connectOrigins: readonly string[],
): string {
  const list = (origins: readonly string[]) => [...new Set(origins)].map((o) => ` ${o}`).join('');
  return [
    "default-src 'self'",
    `script-src 'self'${list(assetOrigins)}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${list(assetOrigins)}`,
    `connect-src 'self'${list([...connectOrigins, ...assetOrigins])}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}

const plugin: FastifyPluginAsync<SecurityOptions> = async (app, opts) => {
  const fallbackCsp = contentSecurityPolicy(opts.registryOrigins, opts.registryOrigins);
  const hsts = opts.publicUrl?.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : null;
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', fallbackCsp);
      reply
        .header('x-content-type-options', 'nosniff')
        .header('referrer-policy', 'same-origin')
        .header('x-frame-options', 'DENY');
    } else {
      reply.header('x-content-type-options', 'nosniff');
    }
    if (hsts) reply.header('strict-transport-security', hsts);
    return payload;
  });
};

export const securityHeaders = fp(plugin, { name: 'cunmen-security-headers', fastify: '5.x' });
