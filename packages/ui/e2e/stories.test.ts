/**
 * Every Storybook story, in a real Chromium, in normal and elderly (长辈版) mode: zero axe-core WCAG 2.1
 * A/AA violations; in elderly mode every visible text ≥ 18 px with line height ≥ 1.3 and every control
 * at least 60 × 60 px; and at 200 % root font size on a 360 px wide screen, nothing overflows sideways.
 *
 * Serves the built `storybook-static/` (run `pnpm run build` first) with a small node:http server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatViolations, type LaunchedBrowser, launchChromium, openPage, runAxe } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Page = Awaited<ReturnType<typeof openPage>>['page'];

const STATIC_DIR = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const INDEX = join(STATIC_DIR, 'index.json');
if (!existsSync(INDEX)) {
  throw new Error(`${INDEX} is missing: run \`pnpm run build\` in packages/ui before the browser tests`);
}

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
  title: string;
  name: string;
}
const stories = Object.values(
  (JSON.parse(readFileSync(INDEX, 'utf8')) as { entries: Record<string, IndexEntry> }).entries,
).filter((entry) => entry.type === 'story');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function serveStatic(root: string): Server {
  return createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname));
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (pathname === '/favicon.ico') {
      res.writeHead(204).end(); // Chromium asks for it; Storybook ships favicon.svg
      return;
    }
    readFile(file).then(
      (body) => {
        res
          .writeHead(200, {
            'content-type': MIME[extname(file)] ?? 'application/octet-stream',
            // One context loads many stories: let it reuse the bundles instead of parsing them each time.
            'cache-control': 'public, max-age=600',
          })
          .end(body);
      },
      () => {
        res.writeHead(404).end('not found');
      },
    );
  });
}

let server: Server;
let base: string;
let launched: LaunchedBrowser;

beforeAll(async () => {
  server = serveStatic(STATIC_DIR);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  launched = await launchChromium();
});

afterAll(async () => {
  await launched?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens one story (elderly through Storybook's URL globals, `!true` being a boolean) and waits for it. */
async function showStory(page: Page, id: string, elderly: boolean): Promise<void> {
  const globals = elderly ? '&globals=elderly:!true' : '';
  const response = await page.goto(
    `${base}/iframe.html?id=${encodeURIComponent(id)}&viewMode=story${globals}`,
  );
  if (response?.status() !== 200) {
    throw new Error(
      `iframe.html answered ${response?.status()}: was storybook-static rebuilt during the test?`,
    );
  }
  await page.waitForFunction(
    () =>
      document.body.classList.contains('sb-show-errordisplay') ||
      document.querySelector('#storybook-root .cm-root') !== null,
  );
  const renderError = await page.evaluate(() =>
    document.body.classList.contains('sb-show-errordisplay')
      ? (document.querySelector('#error-message')?.textContent ?? 'story failed to render')
      : null,
  );
  expect(renderError, `story ${id} failed to render`).toBeNull();
  const mode = await page.getAttribute('#storybook-root .cm-root', 'data-cm-elderly');
  expect(mode, 'the elderly global reached the ThemeProvider').toBe(String(elderly));
  // Let effects (toasts, previews) settle and images decode.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/**
 * Renders another story (and mode) in the already open preview, as the Storybook manager does: through
 * the preview channel (`setCurrentStory`, `updateGlobals`), then waits for `storyRendered`.
 */
async function switchStory(page: Page, id: string, elderly: boolean): Promise<void> {
  await page.evaluate(
    ({ id, elderly }) => {
      interface Channel {
        on(event: string, listener: (arg: unknown) => void): void;
        emit(event: string, payload: unknown): void;
      }
      const w = window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel; __cmRendered?: string[] };
      const channel = w.__STORYBOOK_ADDONS_CHANNEL__;
      if (!w.__cmRendered) {
        w.__cmRendered = [];
        const log = w.__cmRendered;
        channel.on('storyRendered', (storyId) => log.push(String(storyId)));
        channel.on('storyErrored', () => log.push('error'));
        channel.on('storyThrewException', () => log.push('error'));
      }
      w.__cmRendered.length = 0;
      channel.emit('updateGlobals', { globals: { elderly } });
      channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
    },
    { id, elderly },
  );
  await page.waitForFunction(
    ({ id, elderly }) => {
      const log = (window as unknown as { __cmRendered?: string[] }).__cmRendered;
      // The preview reloaded itself (it does so now and then under load): the log went with the page.
      if (!log) return true;
      if (log.includes('error')) return true;
      const root = document.querySelector('#storybook-root .cm-root');
      return log[log.length - 1] === id && root?.getAttribute('data-cm-elderly') === String(elderly);
    },
    { id, elderly },
  );
  const state = await page.evaluate(() => {
    const log = (window as unknown as { __cmRendered?: string[] }).__cmRendered;
    return log ? (log.includes('error') ? 'errored' : 'rendered') : 'reloaded';
  });
  // After a reload, open the story the deterministic way (a fresh navigation, checked by showStory).
  if (state === 'reloaded') return showStory(page, id, elderly);
  expect(state, `story ${id} failed to render`).toBe('rendered');
}

/** In-page check of the 适老化 sizes: text ≥ 18 px, line height ≥ 1.3, targets ≥ 60 × 60 px. */
function elderlySizeProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const root = document.querySelector('#storybook-root');
    if (!root) return ['no #storybook-root'];
    const problems: string[] = [];
    const name = (el: Element) => {
      const classes =
        typeof el.className === 'string' && el.className ? `.${el.className.split(/\s+/).join('.')}` : '';
      return `<${el.tagName.toLowerCase()}${classes}> "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    };
    for (const el of Array.from(root.querySelectorAll('*'))) {
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      if (style.display === 'none' || style.visibility === 'hidden' || box.width === 0 || box.height === 0)
        continue;
      const hasText = Array.from(el.childNodes).some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      const isField = el.matches('input:not([type="radio"]):not([type="checkbox"]), select, textarea');
      if (hasText || isField) {
        const fontSize = Number.parseFloat(style.fontSize);
        if (fontSize < 18) problems.push(`font-size ${fontSize}px < 18px: ${name(el)}`);
        if (hasText) {
          const lineHeight = style.lineHeight === 'normal' ? Number.NaN : Number.parseFloat(style.lineHeight);
          if (!(lineHeight / fontSize >= 1.3 - 0.005)) {
            problems.push(`line-height ${style.lineHeight} < 1.3 × ${fontSize}px: ${name(el)}`);
          }
        }
      }
      if (el.matches('button, a[href], input, select, [role="switch"]')) {
        if (box.width < 60 || box.height < 60) {
          problems.push(
            `touch target ${Math.round(box.width)}×${Math.round(box.height)} < 60×60: ${name(el)}`,
          );
        }
      }
    }
    return problems;
  });
}

/**
 * Elements that stick out of the 360 px viewport, text that does not fit its own box, and the document's
 * own sideways scroll.
 *
 * Without a CJK font (as on a bare CI image) Chromium draws Chinese as narrow “tofu” boxes, which would
 * make this check pass too easily; then every element with Chinese text gets letter-spacing that widens
 * each glyph to a real CJK glyph's 1 em (wider still for Latin letters in the same element: a worst case).
 */
function overflowProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
    const ownText = (el: Element) =>
      Array.from(el.childNodes)
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent ?? '')
        .join('')
        .trim();
    const probe = document.createElement('span');
    probe.textContent = '中';
    probe.style.cssText = 'position:absolute;font-size:100px;white-space:nowrap;letter-spacing:0';
    document.body.appendChild(probe);
    const glyph = probe.getBoundingClientRect().width / 100;
    probe.remove();
    const elements = Array.from(document.querySelectorAll('#storybook-root *')) as HTMLElement[];
    if (glyph < 0.9) {
      for (const el of elements) if (CJK.test(ownText(el))) el.style.letterSpacing = `${1 - glyph}em`;
    }

    const doc = document.documentElement;
    const width = doc.clientWidth;
    const problems: string[] = [];
    if (doc.scrollWidth > width) problems.push(`document scrollWidth ${doc.scrollWidth} > ${width}`);
    const name = (el: Element) =>
      `<${el.tagName.toLowerCase()} class="${typeof el.className === 'string' ? el.className : ''}">`;
    for (const el of elements) {
      const box = el.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1) continue; // empty or visually hidden
      if (box.right > width + 0.5 || box.left < -0.5) {
        problems.push(`${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)}px`);
      }
      const style = getComputedStyle(el);
      if (ownText(el) !== '' && style.display !== 'inline' && el.scrollWidth > el.clientWidth + 1) {
        problems.push(
          `${name(el)} "${ownText(el).slice(0, 30)}" needs ${el.scrollWidth}px, has ${el.clientWidth}px`,
        );
      }
    }
    return problems;
  });
}

describe('Storybook stories in Chromium', () => {
  it('has stories for every component', () => {
    const titles = new Set(stories.map((s) => s.title.split('/').pop()));
    for (const component of [
      'Button',
      'Card',
      'ElderlyModeSwitch',
      'EmptyState',
      'ErrorState',
      'ImageUpload',
      'List',
      'LoadingState',
      'NumberField',
      'Page',
      'PhoneField',
      'RadioGroup',
      'Select',
      'TextArea',
      'TextField',
      'ThemeProvider',
      'Tile',
      'Toast',
    ]) {
      expect(titles, `stories for ${component}`).toContain(component);
    }
  });

  // One test per component (its stories share a page and the browser cache); every story is checked.
  const byComponent = new Map<string, IndexEntry[]>();
  for (const story of stories) byComponent.set(story.title, [...(byComponent.get(story.title) ?? []), story]);

  it.each([...byComponent.keys()])(
    '%s: every story has no axe violations in normal and elderly mode, and 适老化 sizes',
    { timeout: 300_000 },
    async (title) => {
      const { page, consoleErrors } = await openPage(launched.browser, `stories ${title}`, {
        viewport: { width: 360, height: 740 },
      });
      const failures: string[] = [];
      // Load the preview once by URL, then switch stories and modes through Storybook's channel.
      let loaded = false;
      const show = async (id: string, elderly: boolean) => {
        if (loaded) {
          await switchStory(page, id, elderly);
          await page.evaluate(
            () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))),
          );
        } else {
          await showStory(page, id, elderly);
          loaded = true;
        }
      };
      for (const story of byComponent.get(title) ?? []) {
        await show(story.id, false);
        const normal = await runAxe(page, '#storybook-root');
        if (normal.length > 0) failures.push(`${story.id} (normal mode) axe:\n${formatViolations(normal)}`);

        await show(story.id, true);
        const elderly = await runAxe(page, '#storybook-root');
        if (elderly.length > 0)
          failures.push(`${story.id} (elderly mode) axe:\n${formatViolations(elderly)}`);
        const sizes = await elderlySizeProblems(page);
        if (sizes.length > 0) failures.push(`${story.id} (elderly mode) sizes:\n  ${sizes.join('\n  ')}`);
      }
      expect(failures.join('\n\n'), `${title}`).toBe('');
      expect(consoleErrors, 'console errors').toEqual([]);
    },
  );

  it('no story overflows sideways at 200 % font size on a 360 px screen (both modes)', {
    timeout: 300_000,
  }, async () => {
    const { page } = await openPage(launched.browser, 'stories at 200 percent font size', {
      viewport: { width: 360, height: 740 },
    });
    const [first] = stories;
    if (!first) throw new Error('no stories');
    await showStory(page, first.id, false);
    // The root font size a reader's 200 % setting (WeChat 关怀模式) gives; it stays for every story below,
    // which are switched through Storybook's own channel instead of reloading the page 150 times.
    await page.addStyleTag({ content: 'html { font-size: 200% !important; }' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
    const failures: string[] = [];
    for (const story of stories) {
      for (const elderly of [false, true]) {
        await switchStory(page, story.id, elderly);
        const problems = await overflowProblems(page);
        if (problems.length > 0)
          failures.push(`${story.id}${elderly ? ' (elderly)' : ''}:\n  ${problems.join('\n  ')}`);
      }
    }
    expect(failures.join('\n'), 'horizontal overflow at 200 %').toBe('');
  });
});
