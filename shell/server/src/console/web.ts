/**
 * The console's pages on its own origin: the console app's build (`shell/console/dist`) — its files at
 * `/console/<file>` and its `index.html` for every other GET outside `/api/` (the app's routes are
 * client-side). The page may run scripts from itself and the registry's asset origin (the cadre pages
 * of standard modules and widgets, loaded with Module Federation) and nothing inline.
 *
 * No widget but the standard modules (and county widgets the province trusts) runs in this origin: the
 * composer's phone preview and county widgets' cadre pages are pages of the cadre frame's origin
 * (cadre-frame.ts), the only other origin these pages may frame. Nothing here may be framed.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { shellError } from '../errors.js';
import { escapeHtml, messagePage } from '../http/pages.js';
import { contentSecurityPolicy } from '../http/security.js';
import { sendWebFile, type WebDist } from '../http/web-dist.js';
import { faviconRoutes, injectProvinceKey } from '../http/web-routes.js';

export const CONSOLE_ASSETS = '/console/';

export interface ConsoleWebOptions {
  web: WebDist;
  registryOrigins: string[];
  /** The pinned province key, put into every page for the widgets' trust gate (never the snapshot's). */
  provinceKey: string | null;
  /** The cadre frame's URL (known once it listens): the one other origin the console may frame. */
  cadreFrameUrl: () => string;
}

function consoleNotBuiltPage(dir: string): string {
  return messagePage(
    '工作台前端尚未构建',
    `在 <code>${escapeHtml(dir)}</code> 找不到工作台（shell/console）的构建结果。请运行 <code>pnpm exec turbo run build --filter @cunmen/console</code>。`,
    `The console web app is not built: no index.html in <code>${escapeHtml(dir)}</code>. Run <code>pnpm exec turbo run build --filter @cunmen/console</code>, or point <code>--console-dist</code> at its dist directory (SHELL_ERR_WEB_NOT_BUILT).`,
  );
}

export const consoleWeb: FastifyPluginAsync<ConsoleWebOptions> = async (app, opts) => {
  const { web } = opts;
  const base = contentSecurityPolicy(opts.registryOrigins, opts.registryOrigins);
  const frameSrc = () => {
    const url = opts.cadreFrameUrl();
    return `frame-src ${url ? new URL(url).origin : "'none'"}`;
  };
  const csp = () => `${base}; ${frameSrc()}`;
  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .header('content-security-policy', csp())
      .send(body);

  faviconRoutes(app);

  app.get<{ Params: { '*': string } }>(`${CONSOLE_ASSETS}*`, async (request, reply) => {
    const build = web.load();
    if (!build) return html(reply, 503, consoleNotBuiltPage(web.dir));
    const file = build.files.get(request.params['*']);
    // The frame origin's pages are not pages of the console.
    if (!file || request.params['*'].endsWith('.html')) {
      return reply
        .code(404)
        .header('content-type', 'text/plain; charset=utf-8')
        .send(`no file ${CONSOLE_ASSETS}${request.params['*']} in the console build`);
    }
    return sendWebFile(request, reply, file);
  });

  const page = async (url: string, reply: FastifyReply) => {
    // An unknown API path is an API error, never the app's page.
    if (url.startsWith('/api/')) throw shellError('SHELL_ERR_NOT_FOUND', `no route GET ${url.split('?')[0]}`);
    const build = web.load();
    if (!build) return html(reply, 503, consoleNotBuiltPage(web.dir));
    return html(reply, 200, injectProvinceKey(build.index, opts.provinceKey));
  };
  app.get('/', async (request, reply) => page(request.url, reply));
  app.get('/*', async (request, reply) => page(request.url, reply));
};
