// The bare host's web server for the LCP part: its rsbuild output as static files, its page with the
// village's home widgets inlined (as the shell inlines its snapshot, so neither pays a round trip for
// the list), and `/api/*` passed through to the shell server, so the widgets' host-API calls are
// same-origin as they are on the portal. Node.js builtins only.
import { readFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/** The home tiles of a snapshot, each with its `mf-manifest.json` URL: what the bare host loads. */
export function bareHostPage(snapshot) {
  const widgets = [];
  for (const w of snapshot.widgets) {
    const tile = w.placements.find((p) => p.slot === 'village.home.tile/v1' && p.expose);
    if (!tile) continue;
    widgets.push({
      name: w.name,
      version: w.version,
      remote: w.remote.name,
      manifest: new URL('mf-manifest.json', w.remote.entry).href,
      expose: tile.expose,
      config: w.config,
      capabilities: w.capabilities,
      order: tile.order ?? 100,
    });
  }
  widgets.sort((a, b) => a.order - b.order);
  return { village: { code: snapshot.village.code, name: snapshot.village.name }, widgets };
}

/**
 * The shell's page-load ticket for the village (the cookie its portal page sets): the resident origin
 * issues widget credentials only in exchange for one, so the bare host's page carries one too.
 */
async function ticketCookie(shellUrl, village) {
  const res = await fetch(`${shellUrl}/v/${village}/`, {
    headers: { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' },
  });
  await res.arrayBuffer();
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cunmen_ticket_'));
  if (!cookie) throw new Error(`the portal page of ${village} set no page-load ticket`);
  return cookie;
}

/** Starts the server on `port`; resolves `{ close }`. */
export async function startBareHostServer({ dir, port, shellUrl, page }) {
  const shell = new URL(shellUrl);
  const inline = `<script>globalThis.__BARE_HOST__=${JSON.stringify(page).replace(/</g, '\\u003c')}</script>`;
  const index = readFileSync(join(dir, 'index.html'), 'utf8').replace('<head>', `<head>${inline}`);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.startsWith('/api/')) {
      // As a reverse proxy in front of the shell: the shell's own host and origin.
      const headers = { ...req.headers, host: shell.host };
      if (headers.origin) headers.origin = shell.origin;
      const upstream = httpRequest(
        { host: shell.hostname, port: shell.port, path: req.url, method: req.method, headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.writeHead(502).end());
      req.pipe(upstream);
      return;
    }
    if (path === '/' || path.startsWith('/v/')) {
      ticketCookie(shellUrl, page.village.code).then(
        (cookie) => {
          res.writeHead(200, {
            'content-type': TYPES['.html'],
            'cache-control': 'no-cache',
            'set-cookie': cookie,
          });
          res.end(index);
        },
        (err) => res.writeHead(502, { 'content-type': 'text/plain' }).end(String(err)),
      );
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return res.writeHead(404).end();
    try {
      const body = readFileSync(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'public, max-age=31536000, immutable',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { close: () => new Promise((resolve) => server.close(resolve)) };
}
