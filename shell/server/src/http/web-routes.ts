/**
 * The resident-facing pages: `/` lists the villages, `/v/<village>/…` is the shell web app's
 * `index.html` with the village's signed snapshot inlined (the web app's client routes live below it),
 * `/shell/*` the web app's files. Without a web build, `/v/…` and `/shell/…` answer a 503 page that says
 * how to build it. The cadre console moved to the staff console's own origin: `/v/<village>/cadre[/…]`
 * redirects there (same path), or says the shell serves no console.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isShellError } from '../errors.js';
import type { PortalService } from '../portals/service.js';
import { escapeHtml, FAVICON, landingPage, messagePage, webNotBuiltPage } from './pages.js';
import { hintsFor, injectHints } from './preload-hints.js';
import { type PagePolicy, portalPagePolicy } from './security.js';
import { injectSnapshot, sendWebFile, type WebDist } from './web-dist.js';

export interface WebRouteOptions {
  portals: PortalService;
  web: WebDist;
  registryOrigins: string[];
  /**
   * The pinned province key (raw, base64) the browser verifies widgets with: it comes from the shell's
   * configuration into the page, never from the snapshot's own field. Null without a pinned key: the
   * browser then loads no widget.
   */
  provinceKey: string | null;
  /** The staff console's URL, where the old cadre URLs redirect. */
  consoleUrl?: string;
}

/** The name of the `<meta>` that carries the pinned province key into the page (shell/web reads it). */
export const PROVINCE_KEY_META = 'cunmen-province-key';

/** Puts the pinned key into the page's head, before anything the web app runs. */
export function injectProvinceKey(page: string, key: string | null): string {
  if (key === null) return page;
  const meta = `<meta name="${PROVINCE_KEY_META}" content="${escapeHtml(key)}">`;
  return page.replace(/<head>/i, (head) => `${head}${meta}`);
}

/** Per served snapshot (the service caches those objects), so a page's policy is computed once. */
const policies = new WeakMap<object, PagePolicy>();
function policyOf(snapshot: { json: string }, connectOrigins: readonly string[]): PagePolicy {
  let policy = policies.get(snapshot);
  if (!policy) {
    policy = portalPagePolicy(snapshot.json, connectOrigins);
    policies.set(snapshot, policy);
  }
  return policy;
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .send(body);

/** The platform's icon, on both origins (browsers ask for /favicon.ico whatever the page says). */
export function faviconRoutes(app: FastifyInstance): void {
  app.get('/favicon.svg', async (_req, reply) =>
    reply
      .header('content-type', 'image/svg+xml')
      .header('cache-control', 'public, max-age=86400')
      .send(FAVICON),
  );
  app.get('/favicon.ico', async (_req, reply) =>
    reply.header('cache-control', 'public, max-age=86400').redirect('/favicon.svg', 301),
  );
}

export const webRoutes: FastifyPluginAsync<WebRouteOptions> = async (app, opts) => {
  const { portals, web } = opts;

  faviconRoutes(app);

  app.get('/', async (_req, reply) => {
    const villages = await portals.storage.divisions.listVillages();
    const withState = await Promise.all(
      villages.map(async (v) => ({
        ...v,
        published: (await portals.storage.portals.currentVersion(v.code)) !== null,
      })),
    );
    return html(reply, 200, landingPage(withState));
  });

  app.get<{ Params: { '*': string } }>('/shell/*', async (request, reply) => {
    const build = web.load();
    if (!build) return html(reply, 503, webNotBuiltPage(web.dir));
    const file = build.files.get(request.params['*']);
    if (!file) {
      return reply
        .code(404)
        .header('content-type', 'text/plain; charset=utf-8')
        .send(`no file /shell/${request.params['*']} in the web build`);
    }
    // The portal's service worker lives at /shell/sw.js but controls the portals under /v/.
    if (request.params['*'] === 'sw.js') reply.header('service-worker-allowed', '/v/');
    return sendWebFile(request, reply, file);
  });

  app.get<{ Params: { village: string } }>('/v/:village', async (request, reply) =>
    reply.redirect(`/v/${encodeURIComponent(request.params.village)}/`, 301),
  );

  const portalPage = async (
    request: FastifyRequest<{ Params: { village: string } }>,
    reply: FastifyReply,
  ) => {
    const build = web.load();
    if (!build) return html(reply, 503, webNotBuiltPage(web.dir));
    let snapshot: Awaited<ReturnType<PortalService['snapshot']>>;
    try {
      snapshot = await portals.snapshot(request.params.village);
    } catch (err) {
      if (!isShellError(err)) throw err;
      if (err.code === 'SHELL_ERR_NO_PORTAL') {
        return html(
          reply,
          404,
          messagePage(
            '本村门户尚未发布',
            '村干部发布门户后即可访问。',
            'This village has not published its portal yet.',
          ),
        );
      }
      return html(
        reply,
        404,
        messagePage('找不到这个村', '请检查网址中的村代码。', 'No such village on this platform.'),
      );
    }
    const etag = `"${createHash('sha256').update(`${build.indexEtag}|${snapshot.etag}`).digest('base64url').slice(0, 32)}"`;
    const policy = policyOf(snapshot, opts.registryOrigins);
    reply
      .header('etag', etag)
      .header('content-security-policy', policy.csp)
      .header('permissions-policy', policy.permissions);
    if (request.headers['if-none-match'] === etag) {
      return reply
        .code(304)
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send();
    }
    const page = injectSnapshot(build.index, snapshot.json);
    const rest = request.url.split('?')[0]?.split('/').slice(3).join('/') ?? '';
    return html(reply, 200, injectProvinceKey(injectHints(page, hintsFor(snapshot, rest)), opts.provinceKey));
  };
  // Before the catch-all below: the cadre console is no longer part of the resident app.
  const cadre = async (request: FastifyRequest, reply: FastifyReply) => {
    // The same path and query on the console (request.url starts with /v/, so the host cannot change).
    if (opts.consoleUrl) return reply.redirect(`${opts.consoleUrl.replace(/\/+$/, '')}${request.url}`, 302);
    return html(
      reply,
      404,
      messagePage(
        '村干部工作台不在这里',
        '工作台有自己的网址，请向县级管理员询问。',
        'The cadre console runs on its own origin; this shell was started without one (serve --console-port).',
      ),
    );
  };
  app.get('/v/:village/cadre', cadre);
  app.get('/v/:village/cadre/*', cadre);
  app.get('/v/:village/', portalPage);
  app.get('/v/:village/*', portalPage);
};
