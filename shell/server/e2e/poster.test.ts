/**
 * The QR poster page in Chromium, against the real console app (shell/console/dist) and a console
 * origin of the shell: a cadre of 仙潭村 sees the poster the server drew (the preview at its full
 * 2480 × 3508), copies the portal's link with a visible confirmation (the clipboard then holds it),
 * downloads the PDF under the village's name; on a desktop and on a phone, with no serious or critical
 * axe issue.
 */
import { fileURLToPath } from 'node:url';
import {
  formatViolations,
  freePort,
  type LaunchedBrowser,
  launchChromium,
  openPage,
  runAxe,
} from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleShell, PASSWORD, startConsoleShell } from '../test/console.js';
import { XIANTAN } from '../test/shell.js';

const CONSOLE_DIST = fileURLToPath(new URL('../../console/dist', import.meta.url));

let shell: ConsoleShell;
let browser: LaunchedBrowser;
let url: string;

beforeAll(async () => {
  const port = await freePort();
  url = `http://localhost:${port}`;
  shell = await startConsoleShell(url, { console: { url, dist: CONSOLE_DIST } });
  await shell.console.listen({ port, host: '127.0.0.1' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shell?.close();
});

describe('the poster page', () => {
  it.each([
    ['a desktop', { width: 1280, height: 900 }],
    ['a phone', { width: 390, height: 844 }],
  ])(
    'previews, copies the link and downloads the PDF on %s',
    async (what, viewport) => {
      const { page, context } = await openPage(browser.browser, `poster on ${what}`, { viewport });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url });
      await page.goto(`${url}/v/${XIANTAN}/poster`);
      await page.getByLabel(/账号/).fill('xt-cadre');
      await page.getByLabel('密码').fill(PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('heading', { level: 1, name: '仙潭村 二维码海报' }).waitFor({ timeout: 30_000 });

      const preview = page.getByRole('img', { name: /仙潭村的二维码海报/ });
      await expect
        .poll(() => preview.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]), {
          timeout: 30_000,
        })
        .toEqual([2480, 3508]);

      await page.getByRole('button', { name: '复制链接' }).click();
      await page.getByText('已复制，可以粘贴到微信群了').waitFor();
      await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
        `http://127.0.0.1:8080/v/${XIANTAN}/`,
      );

      const found = (await runAxe(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(formatViolations(found), what).toBe('');

      const download = page.waitForEvent('download');
      await page.getByRole('link', { name: '下载 PDF（推荐打印）' }).click();
      expect((await download).suggestedFilename()).toBe('仙潭村村门二维码海报.pdf');
    },
    90_000,
  );
});
