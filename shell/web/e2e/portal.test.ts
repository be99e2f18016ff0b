/**
 * The built portal in Chromium with the two real example remotes, served the way production will:
 * the shell's dist under /shell/ with the snapshot injected into index.html (as the shell server
 * does), the widgets' dist from a second origin acting as the registry's asset origin (CORS,
 * immutable). A third widget's remoteEntry 404s and a fourth's signature is wrong: both show the
 * fallback while the others render.
 */
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PortalSnapshot } from '@cunmen/manifest';
import { formatViolations, freePort, launchChromium, openPage, runAxe } from '@cunmen/test-utils';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  injectSnapshot,
  makeKeys,
  makeSnapshot,
  readBuiltManifest,
  signWidget,
  widgetFromManifest,
} from '../test/snapshot-fixture.js';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const shellDist = here('../dist');
const dists = {
  find: here('../../../plugins/find-machinery/dist'),
  waste: here('../../../plugins/waste-pickup/dist'),
};
const VILLAGE = '330521001001';
const ASSET_LATENCY_MS = 150;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

function sendFile(res: ServerResponse, root: string, rel: string, headers: Record<string, string> = {}) {
  const file = normalize(join(root, rel));
  if (!file.startsWith(root) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found');
    return;
  }
  res
    .writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'public, max-age=31536000, immutable',
      ...headers,
    })
    .end(readFileSync(file));
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

/** Serial depth of each widget's requests: 1 = all fetched in parallel, 2 = one waited for another… */
function serialDepth(requests: { start: number; end: number }[]): number {
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

describe('resident portal in Chromium', () => {
  let portalBase = '';
  let assetBase = '';
  let snapshot: PortalSnapshot;
  const hostCalls: { url: string; authorization: string | undefined }[] = [];
  const servers: Server[] = [];
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    const [portalPort, assetPort] = [await freePort(), await freePort()];
    portalBase = `http://127.0.0.1:${portalPort}`;
    assetBase = `http://127.0.0.1:${assetPort}`;
    const keys = makeKeys();
    const find = readBuiltManifest(dists.find);
    const waste = readBuiltManifest(dists.waste);
    const tampered = widgetFromManifest(waste, {
      assetBase: `${assetBase}/tampered/`,
      keys,
      order: 40,
      remoteName: 'test_tampered',
      override: { name: '@test/tampered', title: { 'zh-CN': '被篡改组件' } },
    });
    snapshot = makeSnapshot(keys, [
      widgetFromManifest(find, { assetBase: `${assetBase}/find/`, keys, order: 10 }),
      widgetFromManifest(waste, { assetBase: `${assetBase}/waste/`, keys, order: 20 }),
      widgetFromManifest(find, {
        assetBase: `${assetBase}/missing/`,
        keys,
        order: 30,
        remoteName: 'test_missing_entry',
        override: { name: '@test/missing-entry', title: { 'zh-CN': '失联组件' } },
      }),
      // Signed for other capabilities than it carries: the signature no longer verifies.
      { ...tampered, capabilities: [...tampered.capabilities, 'points.request'] },
    ]);
    // Only the tiles of the two broken widgets (their pages would clash with the originals' routes).
    for (const w of snapshot.widgets.slice(2)) {
      w.placements = w.placements.filter((p) => p.slot === 'village.home.tile/v1');
    }
    const missing = snapshot.widgets[2];
    if (missing) missing.signature = signWidget(keys, missing);

    // Every asset answer waits ASSET_LATENCY_MS, like a weak rural network: requests that wait for
    // one another then show up as separate waves in the timings.
    const assets = createServer(async (req: IncomingMessage, res: ServerResponse) => {
      await new Promise((resolve) => setTimeout(resolve, ASSET_LATENCY_MS));
      const cors = { 'access-control-allow-origin': '*' };
      const url = new URL(req.url ?? '/', assetBase);
      const [, group, ...rest] = url.pathname.split('/');
      const root =
        group === 'find' ? dists.find : group === 'waste' || group === 'tampered' ? dists.waste : null;
      if (!root) {
        res.writeHead(404, cors).end();
        return;
      }
      sendFile(res, root, rest.join('/'), cors);
    });
    const template = readFileSync(join(shellDist, 'index.html'), 'utf8');
    const portal = createServer((req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', portalBase);
      if (url.pathname.startsWith('/shell/')) {
        sendFile(res, shellDist, url.pathname.slice('/shell/'.length));
      } else if (url.pathname.startsWith(`/v/${VILLAGE}/`)) {
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
          .end(injectSnapshot(template, snapshot));
      } else if (url.pathname.startsWith('/api/host/v1/')) {
        // A stand-in for the shell server's host API: tokens, and an empty store.
        hostCalls.push({ url: url.pathname, authorization: req.headers.authorization });
        const json = (status: number, body: unknown) =>
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        if (url.pathname === '/api/host/v1/widget-token' && req.method === 'POST') {
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
    servers.push(assets, portal);
    await listen(assets, assetPort);
    await listen(portal, portalPort);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  });

  function record(page: Page) {
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

  it('renders both real remotes, falls back for a 404 and a bad signature, elderly mode is remembered', async () => {
    const { page, consoleErrors } = await openPage(browser.browser, 'resident portal');
    const warnings: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    const timings = record(page);
    const res = await page.goto(`${portalBase}/v/${VILLAGE}/`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('东衡村');

    const slot = (name: string) => page.locator(`.shell-slot[data-widget="${name}"]`);
    await slot('@deqing/find-machinery').locator('.cm-tile').waitFor({ timeout: 15_000 });
    await slot('@yiyuan/waste-pickup').locator('.cm-tile').waitFor({ timeout: 15_000 });
    await expect(slot('@deqing/find-machinery').getAttribute('data-state')).resolves.toBe('ready');
    await expect(slot('@yiyuan/waste-pickup').getAttribute('data-state')).resolves.toBe('ready');

    await slot('@test/tampered').locator('.shell-fallback').waitFor();
    await expect(slot('@test/tampered').getAttribute('data-state')).resolves.toBe('refused');
    await expect(slot('@test/tampered').textContent()).resolves.toContain('未通过安全校验');
    await slot('@test/missing-entry').locator('.shell-fallback').waitFor({ timeout: 15_000 });
    await expect(slot('@test/missing-entry').getAttribute('data-state')).resolves.toBe('failed');
    await expect(slot('@test/missing-entry').textContent()).resolves.toContain('暂时无法使用');

    // One serial request per widget after the snapshot: entry and chunks preloaded in parallel.
    const depth = (prefix: string) =>
      serialDepth(timings.filter((t) => t.url.startsWith(`${assetBase}${prefix}`) && t.start > 0));
    const counts = { 'find-machinery': depth('/find/'), 'waste-pickup': depth('/waste/') };
    const fetched = timings
      .filter((t) => t.url.startsWith(assetBase))
      .map((t) => t.url.slice(assetBase.length));
    console.log(
      `serial requests per widget after the snapshot: ${JSON.stringify(counts)}; fetched ${fetched.join(', ')}`,
    );
    const marks = await page.evaluate(() =>
      performance.getEntriesByType('mark').map((m) => `${m.name} ${m.startTime.toFixed(0)} ms`),
    );
    console.log(`boot marks (since navigation start): ${marks.join(', ')}`);
    const t0 = Math.min(...timings.map((t) => t.start));
    console.log(
      timings
        .map(
          (t) =>
            `${(t.start - t0).toFixed(0)}–${(t.end - t0).toFixed(0)} ms ${t.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, '')}`,
        )
        .join('\n'),
    );
    expect(counts['find-machinery']).toBe(1);
    expect(counts['waste-pickup']).toBe(1);
    expect(fetched.some((u) => u.endsWith('mf-manifest.json'))).toBe(false);
    // The refused widget's code never ran: it may be preloaded (before the signature check), but no
    // script of it was inserted. No widget's Admin (cadre) chunk was fetched.
    expect(
      await page.evaluate(() => Array.from(document.scripts).some((s) => s.src.includes('/tampered/'))),
    ).toBe(false);
    expect(fetched.filter((u) => u.startsWith('/tampered/')).length).toBeLessThanOrEqual(3);
    expect(fetched.filter((u) => u.includes('__federation_expose_Admin'))).toEqual([]);

    // The tiles are the real widgets: they asked the host API with their own credentials.
    await expect
      .poll(() => hostCalls.some((c) => c.authorization === 'Bearer token:@deqing/find-machinery'))
      .toBe(true);
    // The bottom nav comes from village.nav/v1 entries; a page opens at /p/<route>.
    await page.getByRole('navigation').getByRole('link', { name: '找农机' }).click();
    await page.waitForURL(`${portalBase}/v/${VILLAGE}/p/find-machinery`);
    await slot('@deqing/find-machinery').locator('.cm-page').waitFor({ timeout: 15_000 });
    await page.getByRole('navigation').getByRole('link', { name: '首页' }).click();
    await slot('@yiyuan/waste-pickup').locator('.cm-tile').waitFor();

    expect(formatViolations(await runAxe(page))).toBe('');
    const toggle = page.getByRole('switch', { name: /长辈版/ });
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
    await toggle.click();
    await expect(page.locator('.cm-root').first().getAttribute('data-cm-elderly')).resolves.toBe('true');
    expect(formatViolations(await runAxe(page))).toBe('');
    await page.reload();
    await slot('@deqing/find-machinery').locator('.cm-tile').waitFor({ timeout: 15_000 });
    await expect(page.locator('.cm-root').first().getAttribute('data-cm-elderly')).resolves.toBe('true');
    await expect(page.getByRole('switch', { name: /长辈版/ }).getAttribute('aria-checked')).resolves.toBe(
      'true',
    );
    await slot('@test/missing-entry').locator('.shell-fallback').waitFor({ timeout: 15_000 });
    expect(formatViolations(await runAxe(page))).toBe('');

    expect(
      warnings.some((w) => w.includes('SHELL_ERR_WIDGET_SIGNATURE') && w.includes('@test/tampered')),
    ).toBe(true);
    expect(
      warnings.some((w) => w.includes('SHELL_ERR_WIDGET_LOAD') && w.includes('test_missing_entry')),
    ).toBe(true);
    // Only the expected refusals: the 404s of the missing widget's scripts.
    const unexpected = consoleErrors.filter((e) => !/404 \(Not Found\)|status of 404/.test(e));
    expect(unexpected).toEqual([]);
  }, 90_000);

  it('shows the zh-CN error page, not a blank screen, when the snapshot is invalid', async () => {
    const { page } = await openPage(browser.browser, 'invalid snapshot');
    const broken = { ...snapshot, schemaVersion: 2 };
    await page.route(`${portalBase}/v/${VILLAGE}/`, async (route) => {
      const html = injectSnapshot(readFileSync(join(shellDist, 'index.html'), 'utf8'), broken);
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    await page.goto(`${portalBase}/v/${VILLAGE}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('村门暂时打不开');
    await expect(page.locator('.shell-fatal__code').textContent()).resolves.toContain(
      'SHELL_ERR_SNAPSHOT_INVALID',
    );
    expect(formatViolations(await runAxe(page))).toBe('');
  });
});
