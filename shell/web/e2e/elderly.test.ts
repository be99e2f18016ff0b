/**
 * Elderly mode (长辈版) per the MIIT 适老化 rules, measured in Chromium on a 360 px phone viewport with
 * the real remotes (shared harness, `harness.ts`): axe-clean; every piece of text ≥ 18 px; every touch
 * target (links, buttons, switches, tiles) ≥ 60 × 60 px. At 200 % font scale — a 200 % root font size,
 * which is what WeChat's 关怀模式 / the system text size does to a rem-based page (Chromium's
 * `--force-device-scale-factor` is a zoom, not a font scale) — the layout holds: no horizontal scroll
 * and no clipped tile text, in both modes.
 */
import {
  formatViolations,
  launchChromium,
  openPage,
  runAxe,
  smallTargets,
  smallText,
} from '@cunmen/test-utils';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeKeys, makeSnapshot, readBuiltManifest, widgetFromManifest } from '../test/snapshot-fixture.js';
import { dists, type PortalServers, slotOf, startPortalServers } from './harness.js';

const VILLAGE = '330521001004';
const PHONE = { width: 360, height: 740 };

/** Page-level horizontal scroll and tile text that does not fit its box or its tile. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      out.push(`page scrolls: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const slot of Array.from(document.querySelectorAll<HTMLElement>('.shell-slot'))) {
      const box = slot.getBoundingClientRect();
      for (const el of Array.from(slot.querySelectorAll<HTMLElement>('*'))) {
        const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent?.trim());
        if (!own) continue;
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        const clips = style.overflow !== 'visible' || style.textOverflow === 'ellipsis';
        if (clips && (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1))
          out.push(`clipped ${el.className}: ${el.textContent?.trim().slice(0, 20)}`);
        if (rect.left < box.left - 1 || rect.right > box.right + 1 || rect.bottom > box.bottom + 1)
          out.push(`outside its tile ${el.className}: ${el.textContent?.trim().slice(0, 20)}`);
      }
    }
    return out;
  });
}

describe('elderly mode and font scale', () => {
  let servers: PortalServers;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    servers = await startPortalServers();
    const keys = makeKeys();
    const { assetBase } = servers;
    const find = readBuiltManifest(dists.find);
    const waste = readBuiltManifest(dists.waste);
    const missing = widgetFromManifest(find, {
      assetBase: `${assetBase}/missing/`,
      keys,
      order: 30,
      remoteName: 'test_missing',
      override: { name: '@test/missing', title: { 'zh-CN': '失联组件' } },
    });
    missing.placements = missing.placements.filter((p) => p.slot === 'village.home.tile/v1');
    servers.snapshots.set(
      VILLAGE,
      makeSnapshot(
        keys,
        [
          widgetFromManifest(find, { assetBase: `${assetBase}/find/`, keys, order: 10 }),
          widgetFromManifest(waste, { assetBase: `${assetBase}/waste/`, keys, order: 20 }),
          // A fallback tile with its retry button is a target too.
          { ...missing, signature: (await import('../test/snapshot-fixture.js')).signWidget(keys, missing) },
        ],
        { theme: { elderlyByDefault: true } },
      ),
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await servers?.close();
  });

  async function ready(page: Page) {
    for (const name of ['@deqing/find-machinery', '@yiyuan/waste-pickup']) {
      await slotOf(page, name).locator('.cm-tile').waitFor({ timeout: 15_000 });
    }
    await slotOf(page, '@test/missing').locator('.shell-fallback button').waitFor({ timeout: 15_000 });
  }

  it('meets the MIIT rules in elderly mode: text ≥ 18 px, targets ≥ 60 px, axe-clean', async () => {
    const { page } = await openPage(browser.browser, 'elderly rules', { viewport: PHONE });
    await page.goto(`${servers.portalBase}/v/${VILLAGE}/`);
    await ready(page);
    await expect(page.locator('.cm-root').first().getAttribute('data-cm-elderly')).resolves.toBe('true');
    expect(formatViolations(await runAxe(page))).toBe('');
    expect(await smallText(page, 18)).toEqual([]);
    expect(await smallTargets(page, 60)).toEqual([]);
    const body = await page.evaluate(
      () => getComputedStyle(document.querySelector('.cm-root') as Element).fontSize,
    );
    console.log(`elderly mode: body text ${body}`);
    // A widget page too.
    await page.getByRole('navigation').getByRole('link', { name: '找农机' }).click();
    await slotOf(page, '@deqing/find-machinery').locator('.cm-page').waitFor({ timeout: 15_000 });
    expect(await smallText(page, 18)).toEqual([]);
    expect(await smallTargets(page, 60)).toEqual([]);
    expect(formatViolations(await runAxe(page))).toBe('');
  }, 60_000);

  for (const elderly of [false, true]) {
    it(`holds at 200 % font scale (${elderly ? 'elderly' : 'normal'} mode): no horizontal scroll, no clipped tile text`, async () => {
      const { page } = await openPage(browser.browser, `font scale 200 ${elderly}`, { viewport: PHONE });
      await page.addInitScript((value) => localStorage.setItem('cunmen:elderly', value), String(elderly));
      await page.goto(`${servers.portalBase}/v/${VILLAGE}/`);
      await ready(page);
      await page.evaluate(() => {
        document.documentElement.style.fontSize = '200%';
      });
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
      expect(await overflow(page)).toEqual([]);
      // The scale really applies: one tile a row (each tile is ≥ 8em wide).
      const lefts = await page
        .locator('.cm-tile-grid__item')
        .evaluateAll((items) => new Set(items.map((i) => Math.round(i.getBoundingClientRect().left))).size);
      expect(lefts).toBe(1);
      // Scrolled to the end, the last tile is above the fixed bottom nav, not under it.
      const covered = await page.evaluate(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        const slots = document.querySelectorAll('.shell-slot');
        const last = slots[slots.length - 1]?.getBoundingClientRect();
        const nav = document.querySelector('.shell-nav')?.getBoundingClientRect();
        return last && nav ? Math.max(0, Math.round(last.bottom - nav.top)) : -1;
      });
      expect(covered).toBe(0);
      await page.screenshot({
        path: `test-results/e2e/font-scale-200-${elderly ? 'elderly' : 'normal'}.png`,
      });
      expect(formatViolations(await runAxe(page))).toBe('');
    }, 60_000);
  }
});
