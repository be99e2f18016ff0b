/**
 * A widget page rendered in a DOM environment (happy-dom, with the SDK's mock host), then checked in real
 * Chromium as the portal's layout suite checks the modules' pages: axe (WCAG 2.1 AA), and in 长辈版 text
 * ≥ 18 px and touch targets ≥ 60 × 60 px, no horizontal scroll on a 360 px phone.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { formatViolations, runAxe } from './axe.js';
import { openPage } from './chromium.js';
import { smallTargets, smallText } from './elderly.js';

/** Puts a DOM window's globals on `globalThis`, before React loads (it decides at import where it runs). */
export function exposeDomGlobals(win: { document: unknown; navigator: unknown }): void {
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
}

/** A stylesheet with its `@import`s inlined (the page is set from a string, not served). */
export function inlineCss(file: string): string {
  return readFileSync(file, 'utf8').replace(/@import\s+"([^"]+)";/g, (_, rel: string) =>
    inlineCss(join(dirname(file), rel)),
  );
}

export interface RenderedPageReport {
  /** Whether the text that shows the page has its data is visible. */
  ready: boolean;
  axe: string;
  smallText: string[];
  smallTargets: string[];
  scrolls: boolean;
}

/** Sets the markup into a 360 × 740 page with the stylesheet and measures it; the caller asserts. */
export async function checkRenderedPage(
  browser: Browser,
  o: { name: string; title: string; css: string; body: string; ready: string; elderly: boolean },
): Promise<RenderedPageReport> {
  const { page, context } = await openPage(browser, o.name, { viewport: { width: 360, height: 740 } });
  try {
    await page.setContent(
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${o.title}</title><style>${o.css}</style></head><body><main>${o.body}</main></body></html>`,
    );
    return {
      ready: await page.getByText(o.ready).first().isVisible(),
      axe: formatViolations(await runAxe(page)),
      smallText: o.elderly ? await smallText(page, 18) : [],
      smallTargets: o.elderly ? await smallTargets(page, 60) : [],
      scrolls: await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      ),
    };
  } finally {
    await context.close();
  }
}
