/**
 * The browser tests' stand-in for production, shared by every e2e file: the shell's `dist/` under
 * `/shell/` (with `Service-Worker-Allowed: /v/` on `/shell/sw.js`, as the shell server sends it) and
 * `/v/<village>/` with that village's snapshot injected into index.html (as the shell server does,
 * CSP included); a second origin acts as the registry's immutable asset origin (CORS, every answer
 * delayed like a weak rural network). Tests can serve extra or altered asset files, hold a request
 * open forever, and take both servers down.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PortalSnapshot } from '@cunmen/manifest';
import { freePort } from '@cunmen/test-utils';
import type { Page, Request } from 'playwright-core';
import { injectSnapshot } from '../test/snapshot-fixture.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
export const shellDist = here('../dist');
export const dists = {
  find: here('../../../plugins/find-machinery/dist'),
  waste: here('../../../plugins/waste-pickup/dist'),
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function sri(bytes: Buffer | string): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

function sendBytes(res: ServerResponse, name: string, body: Buffer, headers: Record<string, string>) {
  res
    .writeHead(200, {
      'content-type': TYPES[extname(name)] ?? 'application/octet-stream',
      'cache-control': IMMUTABLE,
      ...headers,
    })
    .end(body);
}

function sendFile(res: ServerResponse, root: string, rel: string, headers: Record<string, string> = {}) {
  const file = normalize(join(root, rel));
  if (!file.startsWith(root) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found');
    return;
  }
  sendBytes(res, file, readFileSync(file), headers);
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

export interface AssetGroup {
  /** A built widget's dist; files not in `files` come from here. */
  root?: string;
  /** In-memory files (path below the group → bytes), e.g. a hand-written remote or an altered copy. */
  files?: Record<string, Buffer | string>;
  /** Paths below the group whose answer never comes (the connection is held open). */
  hold?: string[];
}

export interface PortalServers {
  portalBase: string;
  assetBase: string;
  /** Host API requests the stand-in answered. */
  hostCalls: { url: string; authorization: string | undefined }[];
  /** Asset paths requested (`/<group>/<path>`), in order. */
  assetRequests: string[];
  /** The snapshot served for `/v/<code>/…`. */
  snapshots: Map<string, PortalSnapshot>;
  /** Asset groups served at `/<name>/…` on the asset origin. */
  groups: Map<string, AssetGroup>;
  /** `refuse`: both servers drop every connection; `503`: both answer 503; `up`: normal. */
  setMode(mode: 'up' | 'refuse' | '503'): void;
  close(): Promise<void>;
}

export interface PortalServerOptions {
  /** Delay of every asset answer, ms (default 150). */
  assetLatencyMs?: number;
  /** Send `Service-Worker-Allowed: /v/` with /shell/sw.js (default true). */
  serviceWorkerAllowed?: boolean;
}

export async function startPortalServers(options: PortalServerOptions = {}): Promise<PortalServers> {
  const [portalPort, assetPort] = [await freePort(), await freePort()];
  const portalBase = `http://127.0.0.1:${portalPort}`;
  const assetBase = `http://127.0.0.1:${assetPort}`;
  const latency = options.assetLatencyMs ?? 150;
  const hostCalls: PortalServers['hostCalls'] = [];
  const assetRequests: string[] = [];
  const snapshots = new Map<string, PortalSnapshot>();
  const groups = new Map<string, AssetGroup>([
    ['find', { root: dists.find }],
    ['waste', { root: dists.waste }],
  ]);
  let mode: 'up' | 'refuse' | '503' = 'up';
  const sockets = new Set<Socket>();
  const held = new Set<ServerResponse>();
  const down = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (mode === 'refuse') {
      req.socket.destroy();
      return true;
    }
    if (mode === '503') {
      res.writeHead(503, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('down');
      return true;
    }
    return false;
  };

  const assets = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (down(req, res)) return;
    await new Promise((resolve) => setTimeout(resolve, latency));
    const cors = { 'access-control-allow-origin': '*' };
    const url = new URL(req.url ?? '/', assetBase);
    assetRequests.push(url.pathname);
    const [, name = '', ...rest] = url.pathname.split('/');
    const rel = rest.join('/');
    const group = groups.get(name);
    if (!group) {
      res.writeHead(404, cors).end();
      return;
    }
    if (group.hold?.includes(rel)) {
      // Headers never come: the browser waits until its own timeout.
      held.add(res);
      return;
    }
    const file = group.files?.[rel];
    if (file !== undefined) sendBytes(res, rel, Buffer.from(file), cors);
    else if (group.root) sendFile(res, group.root, rel, cors);
    else res.writeHead(404, cors).end();
  });

  const template = () => readFileSync(join(shellDist, 'index.html'), 'utf8');
  const portal = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (down(req, res)) return;
    const url = new URL(req.url ?? '/', portalBase);
    const village = /^\/v\/(\d{12})\//.exec(url.pathname)?.[1];
    if (url.pathname === '/shell/sw.js') {
      // What the shell server sends for the worker: not immutable, and allowed to control /v/.
      const headers: Record<string, string> = { 'cache-control': 'no-cache' };
      if (options.serviceWorkerAllowed ?? true) headers['service-worker-allowed'] = '/v/';
      sendFile(res, shellDist, 'sw.js', headers);
    } else if (url.pathname.startsWith('/shell/')) {
      sendFile(res, shellDist, url.pathname.slice('/shell/'.length));
    } else if (village && snapshots.has(village)) {
      // The policy the shell server sends: scripts only from the shell and the asset origin, no eval.
      const csp = [
        "default-src 'self'",
        `script-src 'self' ${assetBase}`,
        "style-src 'self' 'unsafe-inline'",
        `img-src 'self' data: ${assetBase}`,
        `connect-src 'self' ${assetBase}`,
        "base-uri 'none'",
        "object-src 'none'",
      ].join('; ');
      res
        .writeHead(200, {
          'content-type': TYPES['.html'] ?? '',
          'cache-control': 'no-cache',
          'content-security-policy': csp,
        })
        .end(injectSnapshot(template(), snapshots.get(village)));
    } else if (url.pathname.startsWith('/api/host/v1/')) {
      // A stand-in for the shell server's host API: tokens, and an empty store.
      hostCalls.push({ url: url.pathname, authorization: req.headers.authorization });
      const json = (status: number, body: unknown) =>
        res
          .writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify(body));
      if (url.pathname === '/api/host/v1/widget-tokens' && req.method === 'POST') {
        // The page load's exchange: every widget of the village's snapshot, each its own token.
        let body = '';
        req.on('data', (c: Buffer) => {
          body += c.toString();
        });
        req.on('end', () => {
          const { village: code } = JSON.parse(body) as { village: string };
          const expiresAt = new Date(Date.now() + 600_000).toISOString();
          const credentials = Object.fromEntries(
            (snapshots.get(code)?.widgets ?? []).map((w) => [
              w.name,
              { version: w.version, token: `token:${w.name}`, expiresAt },
            ]),
          );
          json(200, { credentials, user: null });
        });
      } else if (url.pathname === '/api/host/v1/widget-token' && req.method === 'POST') {
        let body = '';
        req.on('data', (c: Buffer) => {
          body += c.toString();
        });
        req.on('end', () => {
          const { widget } = JSON.parse(body) as { widget: string };
          json(200, { token: `token:${widget}`, expiresAt: new Date(Date.now() + 600_000).toISOString() });
        });
      } else if (req.method === 'GET' && url.pathname.startsWith('/api/host/v1/store/')) {
        json(200, { items: [], nextCursor: null });
      } else {
        json(404, { code: 'SHELL_ERR_NOT_FOUND', message: '没有找到' });
      }
    } else {
      res.writeHead(404).end();
    }
  });
  for (const server of [assets, portal]) {
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
  }
  await listen(assets, assetPort);
  await listen(portal, portalPort);
  return {
    portalBase,
    assetBase,
    hostCalls,
    assetRequests,
    snapshots,
    groups,
    setMode(next) {
      mode = next;
      // Keep-alive connections would otherwise still be answered by the old mode.
      if (next !== 'up') for (const socket of sockets) socket.destroy();
    },
    async close() {
      for (const res of held) res.destroy();
      for (const socket of sockets) socket.destroy();
      await Promise.all([assets, portal].map((s) => new Promise((resolve) => s.close(resolve))));
    },
  };
}

/** Every request of a page with its timing (for serial-depth figures). */
export function recordTimings(page: Page) {
  const timings: { url: string; start: number; end: number }[] = [];
  page.on('requestfinished', (request: Request) => {
    const t = request.timing();
    timings.push({ url: request.url(), start: t.startTime, end: t.startTime + t.responseEnd });
  });
  page.on('requestfailed', (request: Request) => {
    const t = request.timing();
    timings.push({ url: request.url(), start: t.startTime, end: t.startTime + Math.max(t.responseEnd, 0) });
  });
  return timings;
}

/** Serial depth of each widget's requests: 1 = all fetched in parallel, 2 = one waited for another… */
export function serialDepth(requests: { start: number; end: number }[]): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) {
      const before = sorted[j];
      if (before && before.end <= r.start) d = Math.max(d, (depth[j] ?? 1) + 1);
    }
    depth.push(d);
  });
  return Math.max(0, ...depth);
}

/** The slot of one widget on the page. */
export const slotOf = (page: Page, name: string) => page.locator(`.shell-slot[data-widget="${name}"]`);
