/**
 * Chromium for browser tests: the system binary driven by playwright-core (never a downloaded browser),
 * launched with the flags this network needs; a screenshot (and a trace, when asked for) saved when a test
 * fails.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from 'playwright-core';
import { onTestFinished } from 'vitest';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromePath(): string {
  return process.env.CHROME_PATH ?? '/usr/bin/chromium';
}

export interface LaunchedBrowser {
  browser: Browser;
  /** Fresh context with its own profile; a persistent one when `persistent` is set (service workers). */
  close(): Promise<void>;
}

/** Launches Chromium with a fresh user-data-dir; call `close()` in afterAll. */
export async function launchChromium(): Promise<LaunchedBrowser> {
  const browser = await chromium.launch({
    executablePath: chromePath(),
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}

/** A persistent context (its own --user-data-dir), for tests that need a service worker across reloads. */
export async function launchPersistentContext(
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cunmen-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: chromePath(),
    args: CHROMIUM_ARGS,
    headless: true,
    ...options,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Playwright traces only on request (`CUNMEN_E2E_TRACE=1`): recording one (a screencast and a DOM snapshot
 * per action) for every page added two thirds to a browser suite's CPU time (the UI kit's story suite:
 * 44 s without, 74 s with), for a file only a failing run on a developer's machine needs.
 */
export const TRACE_ENV = 'CUNMEN_E2E_TRACE';

function traceRequested(): boolean {
  const value = process.env[TRACE_ENV];
  return value !== undefined && value !== '' && value !== '0';
}

function artifactName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 120);
}

/**
 * Opens a page in a new context for the current test. When the test fails, a full-page screenshot (and,
 * with `CUNMEN_E2E_TRACE=1`, a Playwright trace) is written to `test-results/e2e/<test name>/`; the
 * context is always closed.
 * Console errors of the page are collected in `consoleErrors`.
 */
export async function openPage(
  browser: Browser,
  testName: string,
  options: BrowserContextOptions = {},
): Promise<{ page: Page; context: BrowserContext; consoleErrors: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', ...options });
  const tracing = traceRequested();
  if (tracing) await context.tracing.start({ screenshots: true, snapshots: true });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => consoleErrors.push(err.message));
  // One hook, so the artifacts are written before the context closes, whatever order hooks run in.
  onTestFinished(async ({ task }) => {
    if (task.result?.state === 'fail') {
      const dir = join(process.cwd(), 'test-results', 'e2e', artifactName(testName));
      await mkdir(dir, { recursive: true });
      await page.screenshot({ path: join(dir, 'failure.png'), fullPage: true }).catch((err: unknown) => {
        console.error(`screenshot failed: ${String(err)}`);
      });
      if (tracing) await context.tracing.stop({ path: join(dir, 'trace.zip') }).catch(() => undefined);
      console.error(`browser artifacts: ${dir}\nconsole errors:\n${consoleErrors.join('\n')}`);
    } else if (tracing) {
      await context.tracing.stop().catch(() => undefined);
    }
    await context.close().catch(() => undefined);
  });
  return { page, context, consoleErrors };
}
