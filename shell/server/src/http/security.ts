/**
 * Security headers on every HTML response: a Content-Security-Policy that lets scripts come only from
 * the shell itself and the widgets' signed assets, and connections only to the platform; a
 * Permissions-Policy; nosniff, a referrer policy, no framing, and HSTS when the public URL is https.
 * A portal page gets its own policy from its snapshot (`portalPagePolicy`); other pages the fallback.
 * The inlined snapshot is `<script type="application/json">`, which browsers never execute, so no
 * inline script is allowed.
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

/** What a portal page's policy is computed from: the placed widgets of its snapshot. */
interface PlacedWidget {
  assetBase: string;
  assets: Record<string, string>;
  capabilities: string[];
}

/** Above this many bytes of script paths, each widget's content-hashed asset directory is listed instead. */
export const MAX_SCRIPT_SOURCES_BYTES = 6000;

const SCRIPT = /\.m?js$/;
const STYLE = /\.css$/;

/** CSP source expressions must not carry `;`, `,` or spaces; asset URLs never do, but never trust that. */
const sourceSafe = (url: string) => !/[\s;,']/.test(url);

/**
 * The exact URLs of one kind of signed asset (scripts or stylesheets) of the placed versions, as CSP
 * path-sources; when the list would make the header too large for proxies (nginx's default header
 * buffer is 4–8 KB), each version's content-hashed asset directory (`assetBase`, ending in `/`)
 * instead — the registry serves only the signed files under it.
 */
function assetSources(widgets: readonly PlacedWidget[], kind: RegExp): string[] {
  const exact = widgets.flatMap((w) =>
    Object.keys(w.assets)
      .filter((path) => kind.test(path) && !path.includes('..'))
      .map((path) => new URL(path, w.assetBase).href),
  );
  const list = [...new Set(exact)].filter(sourceSafe).sort();
  if (list.join(' ').length <= MAX_SCRIPT_SOURCES_BYTES) return list;
  return [...new Set(widgets.map((w) => w.assetBase))].filter(sourceSafe).sort();
}

export interface PagePolicy {
  csp: string;
  permissions: string;
}

/**
 * The headers of one portal page, computed from its snapshot: scripts only from the shell itself and
 * the signed script assets of the placed versions (no origin-wide source, so a widget cannot
 * `import()` or append anything else from the registry, and nothing from elsewhere), stylesheets
 * likewise (inline styles stay allowed: React sets them), forms only to the shell, and geolocation
 * only when a placed widget was granted `location.read`.
 */
export function portalPagePolicy(snapshotJson: string, connectOrigins: readonly string[]): PagePolicy {
  const snapshot = JSON.parse(snapshotJson) as { widgets: PlacedWidget[] };
  const widgets = snapshot.widgets;
  const origins = [...new Set(widgets.map((w) => new URL(w.assetBase).origin))].sort();
  const list = (sources: readonly string[]) => [...new Set(sources)].map((o) => ` ${o}`).join('');
  const csp = [
    "default-src 'self'",
    `script-src 'self'${list(assetSources(widgets, SCRIPT))}`,
    `style-src 'self' 'unsafe-inline'${list(assetSources(widgets, STYLE))}`,
    `img-src 'self' data: blob:${list(origins)}`,
    `connect-src 'self'${list([...connectOrigins, ...origins])}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
  const located = widgets.some((w) => w.capabilities.includes('location.read'));
  const permissions = [
    `geolocation=${located ? '(self)' : '()'}`,
    'microphone=()',
    'payment=()',
    'usb=()',
    'serial=()',
    'bluetooth=()',
  ].join(', ');
  return { csp, permissions };
}

const NO_PERMISSIONS = portalPagePolicy('{"widgets":[]}', []).permissions;

const plugin: FastifyPluginAsync<SecurityOptions> = async (app, opts) => {
  const fallbackCsp = contentSecurityPolicy(opts.registryOrigins, opts.registryOrigins);
  const hsts = opts.publicUrl?.startsWith('https://') ? 'max-age=31536000; includeSubDomains' : null;
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', fallbackCsp);
      // No page without a placed widget may ask for the location (the portal page sets its own).
      if (!reply.hasHeader('permissions-policy')) reply.header('permissions-policy', NO_PERMISSIONS);
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
