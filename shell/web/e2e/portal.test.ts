/**
 * The built portal in Chromium with the two real example remotes, served the way production will:
 * the shell's dist under /shell/ with the snapshot injected into index.html (as the shell server
 * does), the widgets' dist from a second origin acting as the registry's asset origin (CORS,
 * immutable). A third widget's remoteEntry 404s and a fourth's signature is wrong: both show the
 * fallback while the others render. The servers are the shared harness (`harness.ts`), here without
 * `Service-Worker-Allowed`, so the worker's registration is refused and the portal runs without it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PortalSnapshot } from '@cunmen/manifest';
import { formatViolations, launchChromium, openPage, runAxe } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  injectSnapshot,
  makeKeys,
  makeSnapshot,
  readBuiltManifest,
  signWidget,
  widgetFromManifest,
} from '../test/snapshot-fixture.js';
import {
  dists,
  type PortalServers,
  recordTimings,
  serialDepth,
  shellDist,
  slotOf,
  startPortalServers,
} from './harness.js';

const VILLAGE = '330521001001';

describe('resident portal in Chromium', () => {
  let portalBase = '';
  let assetBase = '';
  let snapshot: PortalSnapshot;
  let hostCalls: PortalServers['hostCalls'] = [];
  let servers: PortalServers;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    // Without `Service-Worker-Allowed` the worker's registration is refused: the portal must not care.
    servers = await startPortalServers({ serviceWorkerAllowed: false });
    servers.groups.set('tampered', { root: dists.waste });
    ({ portalBase, assetBase, hostCalls } = servers);
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

    servers.snapshots.set(VILLAGE, snapshot);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });

  it('renders both real remotes, falls back for a 404 and a bad signature, elderly mode is remembered', async () => {
    const { page, consoleErrors } = await openPage(browser.browser, 'resident portal');
    const warnings: string[] = [];
    const infos: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
      if (msg.type() === 'info') infos.push(msg.text());
    });
    const timings = recordTimings(page);
    const res = await page.goto(`${portalBase}/v/${VILLAGE}/`);
    expect(res?.status()).toBe(200);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('东衡村');

    const slot = (name: string) => slotOf(page, name);
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
    // The refused service worker registration was noted quietly, not as an error.
    expect(infos.some((i) => i.includes('service worker not registered'))).toBe(true);
    // Only the expected refusals: the 404s of the missing widget's scripts, and Chromium's own line
    // about the refused worker scope (the browser logs it; the page handled the rejection).
    const unexpected = consoleErrors.filter(
      (e) => !/404 \(Not Found\)|status of 404|Service-Worker-Allowed/.test(e),
    );
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
