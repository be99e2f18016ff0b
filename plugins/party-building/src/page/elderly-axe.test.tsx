// @vitest-environment node
/**
 * The resident pages (public side, a post, the member side) in a real browser, as the portal's checks measure the other modules'
 * pages: each state is rendered here with the mock host (data loaded), its markup put into Chromium on a
 * 360 px phone viewport with the UI kit's stylesheet, and checked — axe-clean (WCAG 2.1 AA) in both
 * modes, and in 长辈版 every piece of text ≥ 18 px and every touch target ≥ 60 × 60 px. The file runs in
 * node (the browser harness reads file URLs as it loads, which a DOM environment's transform breaks) and
 * brings its own happy-dom window for the React render.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { HostUser } from '@cunmen/sdk';
import {
  formatViolations,
  type LaunchedBrowser,
  launchChromium,
  openPage,
  runAxe,
  smallTargets,
  smallText,
} from '@cunmen/test-utils';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../test-data.js';

// A DOM for React before React loads (it decides at import whether it runs in a browser).
const win = new Window({ url: 'http://localhost/' });
const globals = globalThis as Record<string, unknown>;
for (const key of Object.getOwnPropertyNames(win)) {
  if (!(key in globalThis)) globals[key] = (win as unknown as Record<string, unknown>)[key];
}
Object.assign(globals, {
  window: win,
  document: win.document,
  navigator: win.navigator,
  IS_REACT_ACT_ENVIRONMENT: true,
});
const { renderWithHost } = await import('@cunmen/sdk/testing');
const { ThemeProvider } = await import('@cunmen/ui');
const { cleanup, screen } = await import('@testing-library/react');
const { PartyPage } = await import('./Page.js');

const require = createRequire(import.meta.url);

/** The UI kit's stylesheet with its `@import`s inlined (the page is set from a string, not served). */
function inlineCss(file: string): string {
  return readFileSync(file, 'utf8').replace(/@import\s+"([^"]+)";/g, (_, rel: string) =>
    inlineCss(join(dirname(file), rel)),
  );
}
const CSS = inlineCss(join(dirname(require.resolve('@cunmen/ui/package.json')), 'src/styles.css'));

const STATES: [name: string, path: string, user: HostUser | null | undefined, ready: string][] = [
  ['public', '/', null, '张卫东 · 优秀共产党员'],
  ['post', '/posts/n-1', null, '11月2日，支部党员 26 人清理仙潭溪河道垃圾两车。'],
  ['member', '/member', undefined, '学完了，记 1 分'],
  ['signed-out member side', '/member', null, '党员请登录后查看学习资料、通知和积分。'],
];

/** The page's markup once its data is shown. */
async function markup(path: string, user: HostUser | null | undefined, ready: string, elderly: boolean) {
  renderWithHost(
    <ThemeProvider elderly={elderly}>
      <PartyPage path={path} />
    </ThemeProvider>,
    {
      capabilities: ['module.api', 'user.read'],
      module: async (call) => answer(call),
      ...(user === undefined ? {} : { user }),
    },
  );
  await screen.findAllByText(ready);
  const html = document.body.innerHTML;
  cleanup();
  return html;
}

let chromium: LaunchedBrowser;
beforeAll(async () => {
  chromium = await launchChromium();
});
afterAll(async () => {
  await chromium?.close();
});

describe.each([false, true])('elderly mode %s', (elderly) => {
  it.each(STATES)('%s (%s) passes', async (name, path, user, ready) => {
    const body = await markup(path, user, ready, elderly);
    const { page, context } = await openPage(chromium.browser, `party-building ${name} ${elderly}`, {
      viewport: { width: 360, height: 740 },
    });
    try {
      await page.setContent(
        `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>党建</title><style>${CSS}</style></head><body><main>${body}</main></body></html>`,
      );
      // The checks below measure the rendered page, in the mode asked for.
      expect(await page.getByText(ready).first().isVisible()).toBe(true);
      expect(body).toContain(`data-cm-elderly="${elderly}"`);
      expect(formatViolations(await runAxe(page))).toBe('');
      if (elderly) {
        expect(await smallText(page, 18)).toEqual([]);
        expect(await smallTargets(page, 60)).toEqual([]);
      }
      const scrolls = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      expect(scrolls, 'no horizontal scroll on a phone').toBe(false);
    } finally {
      await context.close();
    }
  });
});
