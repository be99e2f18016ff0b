/**
 * The cadre frame's origin: a third listener, apart from the resident and the console origins, that
 * serves the two pages where widgets run for staff without the staff session — county widgets'
 * `cadre.page/v1` pages (`/cadre-frame`, the console build's `frame.html`) and the composer's phone
 * preview of a draft portal (`/preview`, `preview.html`) — and the console build's static files they
 * load. The console embeds them in
 * `<iframe sandbox="allow-scripts">` (no `allow-same-origin`), so the page has an opaque origin: it
 * cannot read the console's DOM, cookies or storage, and its requests carry no console cookie it
 * could use. It has no session, no CSRF token and no API here: every host-API call goes over
 * `postMessage` to the console page, which forwards only the calls a cadre page needs with a
 * credential bound to that widget (shell/console/src/cadre/bridge.ts).
 *
 * This origin sets no cookie and reads none; only the console may frame it (`frame-ancestors`).
 */
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { handleShellErrors, shellError } from '../errors.js';
import { escapeHtml, messagePage } from '../http/pages.js';
import { sendWebFile, type WebDist } from '../http/web-dist.js';
import { injectProvinceKey } from '../http/web-routes.js';
import { CONSOLE_ASSETS } from './web.js';

/** The path of the frame's page on the frame origin. */
export const CADRE_FRAME_PATH = '/cadre-frame';
/** The composer's phone preview on the frame origin. */
export const PREVIEW_PATH = '/preview';
/** The pages of the console build served here (entries `src/frame/main.tsx`, `src/preview/main.tsx`). */
const PAGES: Record<string, string> = { [CADRE_FRAME_PATH]: 'frame.html', [PREVIEW_PATH]: 'preview.html' };

export interface CadreFrameOptions {
  /** The URL the frame origin is reached at; default: the console's host name on the frame's port. */
  url?: string;
  /** The port it listens on; default any free one (tests, `npm start`). */
  port?: number;
}

export interface CadreFrameDeps {
  web: WebDist;
  /** The console's origin: the only page allowed to frame this one. */
  consoleOrigin: string;
  registryOrigins: string[];
  /** The pinned province key, put into each page for the widgets' trust gate (never the snapshot's). */
  provinceKey: string | null;
  trustProxy?: string[];
  logger?: boolean;
}

/**
 * What the frame's page may do: scripts from this origin and the registry's assets, connections only
 * to the registry (Module Federation's manifests), framed only by the console; nothing else.
 */
export function cadreFrameCsp(frameOrigin: string, consoleOrigin: string, registryOrigins: string[]): string {
  // A sandboxed document's own origin is opaque, so the frame's origin is named instead of 'self'.
  const registry = [...new Set(registryOrigins)].map((o) => ` ${o}`).join('');
  return [
    "default-src 'none'",
    `script-src ${frameOrigin}${registry}`,
    `style-src ${frameOrigin} 'unsafe-inline'`,
    `img-src ${frameOrigin} data: blob:${registry}`,
    `font-src ${frameOrigin}${registry}`,
    `connect-src${registry || " 'none'"}`,
    `frame-ancestors ${consoleOrigin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
}

export interface CadreFrameApp {
  app: FastifyInstance;
  /** The frame origin's URL, known once it listens when not configured. */
  url(): string;
  listen(host: string): Promise<string>;
}

export async function buildCadreFrameApp(
  options: CadreFrameOptions,
  deps: CadreFrameDeps,
): Promise<CadreFrameApp> {
  const app = Fastify({ logger: deps.logger ?? false, trustProxy: deps.trustProxy ?? false });
  handleShellErrors(app);
  const consoleHost = new URL(deps.consoleOrigin);
  let url = options.url?.replace(/\/+$/, '') ?? '';
  const origin = () => (url ? new URL(url).origin : '');
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff').header('referrer-policy', 'no-referrer');
    // Nothing here may set a cookie, whatever a route does.
    reply.removeHeader('set-cookie');
    if (request.routeOptions.url !== undefined && request.routeOptions.url in PAGES) {
      reply.header(
        'content-security-policy',
        cadreFrameCsp(origin(), deps.consoleOrigin, deps.registryOrigins),
      );
    }
    return payload;
  });
  app.get('/healthz', async () => ({ ok: true }));
  for (const [path, name] of Object.entries(PAGES)) {
    app.get(path, async (_request, reply) => {
      const file = deps.web.load()?.files.get(name);
      reply.header('cache-control', 'no-cache').header('content-type', 'text/html; charset=utf-8');
      if (!file) {
        return reply
          .code(503)
          .send(
            messagePage(
              '工作台前端尚未构建',
              `在 <code>${escapeHtml(deps.web.dir)}</code> 找不到 ${name}。`,
              `The console build has no ${name} (SHELL_ERR_WEB_NOT_BUILT).`,
            ),
          );
      }
      return reply.code(200).send(injectProvinceKey(file.body.toString('utf8'), deps.provinceKey));
    });
  }
  app.get<{ Params: { '*': string } }>(`${CONSOLE_ASSETS}*`, async (request, reply) => {
    const file = deps.web.load()?.files.get(request.params['*']);
    if (!file || request.params['*'].endsWith('.html')) {
      throw shellError('SHELL_ERR_NOT_FOUND', `no file ${CONSOLE_ASSETS}${request.params['*']}`);
    }
    return sendWebFile(request, reply, file);
  });
  return {
    app,
    url: () => url,
    async listen(host) {
      await app.listen({ port: options.port ?? 0, host });
      if (!url) {
        const { port } = app.server.address() as AddressInfo;
        url = `${consoleHost.protocol}//${consoleHost.hostname}:${port}`;
      }
      return url;
    },
  };
}
