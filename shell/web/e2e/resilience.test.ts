/**
 * Weak networks and broken widgets, in Chromium against the shared harness (`harness.ts`):
 *
 * - failure isolation: beside the two real remotes, a widget whose remoteEntry 404s, one whose exposed
 *   module throws on render, one whose remoteEntry never finishes loading, one whose entry was changed
 *   by one byte after signing (SRI mismatch) and an unsigned one — each shows its fallback tile, the real
 *   ones still render, the unsigned one is refused with its reason logged;
 * - offline: after one visit (the service worker installed and controlling) both servers go down —
 *   refusing connections, then answering 503 — and a reload still shows the last portal, tiles included;
 *   back online, the next load shows the server's new snapshot (the page is revalidated every time).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotWidget } from '@cunmen/manifest';
import { launchChromium, openPage } from '@cunmen/test-utils';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeKeys,
  makeSnapshot,
  readBuiltManifest,
  signWidget,
  type TestKeys,
  widgetFromManifest,
} from '../test/snapshot-fixture.js';
import { dists, type PortalServers, slotOf, sri, startPortalServers } from './harness.js';

const ISOLATION = '330521001002';
const OFFLINE = '330521001003';

/** A hand-written MF container (type `global`) whose `./Tile` is a component that throws on render. */
const THROWING_ENTRY = `(function () {
  var tile = { slot: 'village.home.tile/v1', Component: function Tile() { throw new Error('test widget exploded on render'); } };
  self.test_throws = {
    init: function () {},
    get: function () { return Promise.resolve(function () { return { default: tile }; }); }
  };
})();
`;

function tileOnly(widget: SnapshotWidget, keys: TestKeys | null): SnapshotWidget {
  const copy = { ...widget, placements: widget.placements.filter((p) => p.slot === 'village.home.tile/v1') };
  return keys ? { ...copy, signature: signWidget(keys, copy) } : copy;
}

describe('weak networks and broken widgets', () => {
  let servers: PortalServers;
  let browser: Awaited<ReturnType<typeof launchChromium>>;
  let keys: TestKeys;

  beforeAll(async () => {
    servers = await startPortalServers();
    const { assetBase } = servers;
    keys = makeKeys();
    const find = readBuiltManifest(dists.find);
    const waste = readBuiltManifest(dists.waste);
    const real = () => [
      widgetFromManifest(find, { assetBase: `${assetBase}/find/`, keys, order: 10 }),
      widgetFromManifest(waste, { assetBase: `${assetBase}/waste/`, keys, order: 20 }),
    ];
    const copy = (
      manifest: typeof find,
      group: string,
      order: number,
      title: string,
      extra: Partial<SnapshotWidget> = {},
    ) =>
      widgetFromManifest(manifest, {
        assetBase: `${assetBase}/${group}/`,
        keys,
        order,
        remoteName: `test_${group}`,
        override: { name: `@test/${group}`, title: { 'zh-CN': title }, ...extra },
      });

    // The throwing remote: its one asset signed like any other.
    servers.groups.set('throws', { files: { 'remoteEntry.js': THROWING_ENTRY } });
    const throwsBase = `${assetBase}/throws/`;
    const throwing: Omit<SnapshotWidget, 'signature'> = {
      ...copy(find, 'throws', 40, '出错组件'),
      remote: {
        name: 'test_throws',
        entry: `${throwsBase}remoteEntry.js`,
        entryIntegrity: sri(THROWING_ENTRY),
      },
      assets: { 'remoteEntry.js': sri(THROWING_ENTRY) },
      assetBase: throwsBase,
    };
    // The entry never answers (held open); the others of its files are served.
    servers.groups.set('hang', { root: dists.find, hold: ['remoteEntry.js'] });
    // One byte of the entry changed after signing.
    const altered = readFileSync(join(dists.waste, 'remoteEntry.js'));
    altered[0] = (altered[0] ?? 0) ^ 1;
    servers.groups.set('sri', { root: dists.waste, files: { 'remoteEntry.js': altered } });
    servers.groups.set('unsigned', { root: dists.find });

    servers.snapshots.set(
      ISOLATION,
      makeSnapshot(keys, [
        ...real(),
        tileOnly(copy(find, 'missing', 30, '失联组件'), keys),
        tileOnly({ ...throwing, signature: '' }, keys),
        tileOnly(copy(find, 'hang', 50, '卡住组件'), keys),
        tileOnly(copy(waste, 'sri', 60, '被改一字节组件'), keys),
        { ...tileOnly(copy(find, 'unsigned', 70, '未签名组件'), null), signature: '' },
      ]),
    );
    servers.snapshots.set(OFFLINE, makeSnapshot(keys, real()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });

  it('shows a fallback for each broken widget while the others render', async () => {
    const { page } = await openPage(browser.browser, 'failure isolation');
    const warnings: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning') warnings.push(msg.text());
    });
    const res = await page.goto(`${servers.portalBase}/v/${ISOLATION}/`);
    expect(res?.status()).toBe(200);
    const slot = (name: string) => slotOf(page, name);
    const fallback = async (name: string, state: string | RegExp, timeout = 15_000) => {
      await slot(name).locator('.shell-fallback').waitFor({ timeout });
      expect(await slot(name).locator('.shell-fallback').getAttribute('data-state')).toMatch(state);
    };

    await slot('@deqing/find-machinery').locator('.cm-tile').waitFor({ timeout: 15_000 });
    await slot('@yiyuan/waste-pickup').locator('.cm-tile').waitFor({ timeout: 15_000 });
    await fallback('@test/missing', 'failed');
    await fallback('@test/throws', 'crashed');
    await fallback('@test/sri', 'failed');
    await fallback('@test/unsigned', 'refused');
    await expect(slot('@test/unsigned').textContent()).resolves.toContain('未通过安全校验');
    // The held entry: the per-script timeout (8 s) and two retries, or the slot's 26 s deadline.
    await fallback('@test/hang', /^(failed|timeout)$/, 45_000);
    // The others are still there and still working.
    for (const name of ['@deqing/find-machinery', '@yiyuan/waste-pickup']) {
      await expect(slot(name).getAttribute('data-state')).resolves.toBe('ready');
      await expect(slot(name).locator('.cm-tile').count()).resolves.toBe(1);
    }
    expect(servers.assetRequests).toContain('/sri/remoteEntry.js');
    expect(servers.assetRequests).toContain('/hang/remoteEntry.js');
    // The unsigned widget never cost a script; its refusal says why.
    expect(
      await page.evaluate(() => Array.from(document.scripts).some((s) => s.src.includes('/unsigned/'))),
    ).toBe(false);
    const has = (...parts: string[]) => warnings.some((w) => parts.every((p) => w.includes(p)));
    expect(has('SHELL_ERR_WIDGET_UNSIGNED', '@test/unsigned', 'empty signature')).toBe(true);
    expect(has('SHELL_ERR_WIDGET_RENDER', '@test/throws', 'test widget exploded on render')).toBe(true);
    expect(has('SHELL_ERR_WIDGET_LOAD', 'test_sri')).toBe(true);
    expect(has('SHELL_ERR_WIDGET_LOAD', 'test_missing')).toBe(true);
    // The request that never ends did not keep the service worker from registering (load event cap).
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 10_000 });
  }, 90_000);

  /** The cache entries of the portal's worker (from the page). */
  const cached = (page: Page) =>
    page.evaluate(async () => {
      const out: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const key of await cache.keys()) out.push(`${name} ${key.url}`);
      }
      return out;
    });

  it('keeps the last good portal usable offline and revalidates it online', async () => {
    const { page } = await openPage(browser.browser, 'offline');
    const base = `${servers.portalBase}/v/${OFFLINE}/`;
    await page.goto(base);
    const tiles = async () => {
      for (const name of ['@deqing/find-machinery', '@yiyuan/waste-pickup']) {
        await slotOf(page, name).locator('.cm-tile').waitFor({ timeout: 15_000 });
        await expect(slotOf(page, name).getAttribute('data-state')).resolves.toBe('ready');
      }
    };
    await tiles();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(`${servers.portalBase}/v/`);
    // Everything the first visit loaded before the worker took control is cached from the page's list.
    const widgetFiles = servers.assetRequests
      .filter((p) => p.startsWith('/find/') || p.startsWith('/waste/'))
      .map((p) => `${servers.assetBase}${p}`);
    expect(widgetFiles.length).toBeGreaterThanOrEqual(6);
    await expect
      .poll(
        async () => {
          const urls = (await cached(page)).map((e) => e.split(' ')[1]);
          return [base, ...widgetFiles].filter((u) => !urls.includes(u));
        },
        { timeout: 15_000 },
      )
      .toEqual([]);
    const entries = await cached(page);
    expect(entries.filter((e) => e.includes('/shell/static/')).length).toBeGreaterThanOrEqual(2);
    expect(entries.filter((e) => e.includes('/api/'))).toEqual([]);
    console.log(`service worker caches after one visit:\n${entries.join('\n')}`);

    for (const mode of ['refuse', '503'] as const) {
      servers.setMode(mode);
      const requestsBefore = servers.assetRequests.length;
      const res = await page.reload();
      expect(res?.status()).toBe(200);
      await expect(page.locator('h1').first().textContent()).resolves.toBe('东衡村');
      await tiles();
      // Offline, the widget files came from the worker's cache, not the asset origin.
      expect(servers.assetRequests.length).toBe(requestsBefore);
    }

    // Online again: the page is fetched (revalidated) on every load, so a new snapshot shows at once.
    servers.setMode('up');
    const snapshot = servers.snapshots.get(OFFLINE);
    if (!snapshot) throw new Error('no snapshot');
    servers.snapshots.set(OFFLINE, { ...snapshot, village: { ...snapshot.village, name: '东衡村新' } });
    await page.reload();
    await expect(page.locator('h1').first().textContent()).resolves.toBe('东衡村新');
    await tiles();
    await expect
      .poll(() =>
        page.evaluate(async (key) => {
          const response = await caches.match(key);
          return response ? (await response.text()).includes('东衡村新') : false;
        }, base),
      )
      .toBe(true);
  }, 90_000);
});
