/**
 * `cunmen dev`: rebuilds the widget on every change and serves it next to the emulated shell (a
 * prebuilt host app with a mock host, one tab per slot the widget declares). The shell listens on an
 * event stream and reloads after each rebuild.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import { join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BuildOutcome, contentTypeOf, watchWidget } from '@cunmen/build';
import { CliError, dim, green, printIssues, red } from '../output.js';

export const DEV_SHELL_DIR = fileURLToPath(new URL('../../dev-shell/dist/', import.meta.url));
const DEV_OUT = '.cunmen/dev';

interface DevState {
  buildId: number;
  outcome: BuildOutcome | null;
}

function safeJoin(base: string, urlPath: string): string | null {
  const decoded = decodeURIComponent(urlPath);
  const full = normalize(join(base, decoded));
  return full === base || full.startsWith(base.endsWith(sep) ? base : base + sep) ? full : null;
}

function serveFile(res: ServerResponse, file: string, cache: string): boolean {
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, { 'content-type': contentTypeOf(file), 'cache-control': cache });
  createReadStream(file).pipe(res);
  return true;
}

export interface DevServer {
  url: string;
  close(): Promise<void>;
}

export async function startDevServer(
  dir: string,
  options: { port: number; host: string },
): Promise<DevServer> {
  const root = resolve(dir);
  if (!existsSync(join(DEV_SHELL_DIR, 'index.html')))
    throw new CliError(`the emulated shell is missing at ${DEV_SHELL_DIR}; reinstall @cunmen/cli`);
  const widgetOut = resolve(root, DEV_OUT);
  const state: DevState = { buildId: 0, outcome: null };
  const clients = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    if (url.pathname === '/__cunmen/state') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      const o = state.outcome;
      res.end(
        JSON.stringify({
          buildId: state.buildId,
          ok: o?.ok ?? null,
          manifest: o?.ok ? o.manifest : null,
          issues: o && !o.ok ? o.issues : [],
        }),
      );
      return;
    }
    if (url.pathname === '/__cunmen/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`event: hello\ndata: ${state.buildId}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (url.pathname.startsWith('/__widget/')) {
      const file = safeJoin(widgetOut, url.pathname.slice('/__widget/'.length));
      if (file && serveFile(res, file, 'no-store')) return;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not built yet');
      return;
    }
    const file = safeJoin(DEV_SHELL_DIR, url.pathname === '/' ? 'index.html' : url.pathname.slice(1));
    if (
      file &&
      serveFile(res, file, url.pathname === '/' ? 'no-store' : 'public, max-age=31536000, immutable')
    )
      return;
    serveFile(res, join(DEV_SHELL_DIR, 'index.html'), 'no-store');
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const watcher = await watchWidget({
    root,
    outDir: DEV_OUT,
    onBuild(outcome) {
      state.buildId += 1;
      state.outcome = outcome;
      if (outcome.ok) {
        process.stdout.write(
          `${green('✓')} rebuilt ${outcome.manifest.name} ${dim(`(#${state.buildId}, ${outcome.manifest.size.jsGzip} B JS gzip)`)}\n`,
        );
      } else {
        process.stdout.write(`${red('✗')} build #${state.buildId} has problems:\n`);
        printIssues(outcome.issues, process.stdout);
      }
      for (const client of clients) client.write(`event: build\ndata: ${state.buildId}\n\n`);
    },
  });

  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const url = `http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${port}/`;
  return {
    url,
    async close() {
      for (const client of clients) client.end();
      await watcher.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

export async function devCommand(dir: string, options: { port: number; host: string }): Promise<void> {
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535)
    throw new CliError(`--port: expected 0–65535, got ${options.port}`, 2);
  const dev = await startDevServer(dir, options);
  process.stdout.write(`cunmen dev: emulated shell at ${dev.url} (Ctrl-C to stop)\n`);
  const stop = async () => {
    await dev.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
