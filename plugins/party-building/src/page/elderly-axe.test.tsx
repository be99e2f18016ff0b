// @vitest-environment node
/**
 * The resident pages (public side, a post, the member side) in a real browser, as the portal's checks measure the other modules'
 * pages: each state is rendered here with the mock host (data loaded), its markup put into Chromium on a
 * 360 px phone viewport with the UI kit's stylesheet, and checked — axe-clean (WCAG 2.1 AA) in both
 * modes, and in 长辈版 every piece of text ≥ 18 px and every touch target ≥ 60 × 60 px. The file runs in
 * node (the browser harness reads file URLs as it loads, which a DOM environment's transform breaks) and
 * brings its own happy-dom window for the React render.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { HostUser } from '@cunmen/sdk';
import {
  checkRenderedPage,
  exposeDomGlobals,
  inlineCss,
  type LaunchedBrowser,
  launchChromium,
} from '@cunmen/test-utils';
import { Window } from 'happy-dom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer } from '../test-data.js';

// A DOM for React before React loads (it decides at import whether it runs in a browser).
exposeDomGlobals(new Window({ url: 'http://localhost/' }));
const { renderWithHost } = await import('@cunmen/sdk/testing');
const { ThemeProvider } = await import('@cunmen/ui');
const { cleanup, screen } = await import('@testing-library/react');
const { PartyPage } = await import('./Page.js');

const require = createRequire(import.meta.url);

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
    const report = await checkRenderedPage(chromium.browser, {
      name: `party-building ${name} ${elderly}`,
      title: '党建',
      css: CSS,
      body,
      ready,
      elderly,
    });
    expect(report.ready).toBe(true);
    expect(body).toContain(`data-cm-elderly="${elderly}"`);
    expect(report.axe).toBe('');
    expect(report.smallText).toEqual([]);
    expect(report.smallTargets).toEqual([]);
    expect(report.scrolls, 'no horizontal scroll on a phone').toBe(false);
  });
});
