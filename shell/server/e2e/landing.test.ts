import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  formatViolations,
  freePort,
  launchChromium,
  makeTempDir,
  openPage,
  runAxe,
  startProcess,
} from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PlatformBackend, platformBackend } from './backends.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

describe('shell server in Chromium', () => {
  let base = '';
  let stop: () => Promise<void> = async () => undefined;
  let browser: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    // Embedded, or PostgreSQL + S3 in the `postgres` project: the villages listed come from the store.
    const backend: PlatformBackend = await platformBackend();
    const port = await freePort();
    const data = await makeTempDir('cunmen-shell-');
    await promisify(execFile)(process.execPath, [cli, 'seed-demo', '--data', data.path]);
    const proc = await startProcess({
      command: process.execPath,
      args: [cli, 'serve', '--port', String(port), '--data', data.path],
      readyPattern: /listening on/,
    });
    base = `http://127.0.0.1:${port}`;
    stop = async () => {
      await proc.stop();
      await backend.stop();
      await data.remove();
    };
    backend.check({ shellData: data.path });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stop();
  });

  it('lists the demo villages in zh-CN with a CSP and no accessibility violations', async () => {
    const { page, consoleErrors } = await openPage(browser.browser, 'shell landing page');
    const res = await page.goto(`${base}/`);
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("default-src 'self'");
    await expect(page.locator('h1').textContent()).resolves.toBe('村门');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await expect(page.locator('main a').allTextContents()).resolves.toEqual([
      expect.stringContaining('五四村'),
      expect.stringContaining('仙潭村'),
      expect.stringContaining('朱家户村'),
    ]);
    expect(formatViolations(await runAxe(page))).toBe('');
    expect(consoleErrors).toEqual([]);
  });
});
