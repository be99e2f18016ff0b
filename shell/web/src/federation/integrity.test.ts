// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeKeys } from '../../test/snapshot-fixture.js';
import { testWidget } from '../../test/widgets.js';
import { createAssetIndex, decideScript, installScriptGuard, integrityPlugin } from './integrity.js';

const keys = makeKeys();
const a = testWidget(keys, '@deqing/find-machinery');
const b = testWidget(keys, '@yiyuan/waste-pickup');
const index = createAssetIndex([a, b]);
const base = a.assetBase;

describe('integrity plugin', () => {
  afterEach(() => vi.restoreAllMocks());

  it('maps a script URL back to its widget and signed SRI via assetBase', () => {
    expect(index.lookup(`${base}remoteEntry.js`)).toMatchObject({
      widget: '@deqing/find-machinery',
      path: 'remoteEntry.js',
      integrity: a.assets['remoteEntry.js'],
    });
    expect(index.lookup(`${b.assetBase}static/js/async/shared.123.js`)?.widget).toBe('@yiyuan/waste-pickup');
    // Same path under another widget's base, a fragment, a query: only exact signed URLs match.
    expect(index.lookup(`${base}static/js/async/shared.123.js#x`)?.widget).toBe('@deqing/find-machinery');
    expect(index.lookup(`${base}remoteEntry.js?v=2`)).toBeNull();
    expect(index.lookup(`${base}static/js/evil.js`)).toBeNull();
    expect(index.lookup(`${base}../other/remoteEntry.js`)).toBeNull();
  });

  it('sets integrity and crossOrigin on every script the runtime creates', () => {
    const plugin = integrityPlugin(index, { timeoutMs: 8000 });
    const made = plugin.createScript?.({ url: `${base}remoteEntry.js` }) as {
      script: HTMLScriptElement;
      timeout: number;
    };
    expect(made.timeout).toBe(8000);
    expect(made.script.getAttribute('integrity')).toBe(a.assets['remoteEntry.js']);
    expect(made.script.crossOrigin).toBe('anonymous');
    expect(made.script.src).toBe(`${base}remoteEntry.js`);
  });

  it('refuses a URL outside the signed asset set before any request', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const plugin = integrityPlugin(index);
    expect(() => plugin.createScript?.({ url: 'https://evil.example/remoteEntry.js' })).toThrow(
      expect.objectContaining({ code: 'SHELL_ERR_SCRIPT_REFUSED', status: 403 }),
    );
    expect(() => plugin.createScript?.({ url: `${base}unsigned.js` })).toThrow(/SHELL_ERR_SCRIPT_REFUSED/);
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('SHELL_ERR_SCRIPT_REFUSED'));
  });

  it('lets the shell’s own scripts through and refuses other cross-origin scripts', () => {
    const page = 'https://cunmen.example';
    expect(decideScript(index, `${base}remoteEntry.js`, page).action).toBe('sign');
    expect(decideScript(index, 'https://cunmen.example/shell/static/js/x.js', page).action).toBe('allow');
    expect(decideScript(index, 'https://cdn.evil.example/x.js', page).action).toBe('refuse');
  });

  it('guards <head>: signed chunks get SRI before insertion, unsigned ones never load', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const restore = installScriptGuard(index, document);
    try {
      const chunk = document.createElement('script');
      chunk.src = `${base}static/js/async/__federation_expose_Tile.abc.js`;
      document.head.appendChild(chunk);
      expect(chunk.parentNode).toBe(document.head);
      expect(chunk.getAttribute('integrity')).toBe(
        a.assets['static/js/async/__federation_expose_Tile.abc.js'],
      );
      expect(chunk.crossOrigin).toBe('anonymous');
      chunk.remove();

      const evil = document.createElement('script');
      evil.src = 'https://evil.example/x.js';
      const failed = new Promise((resolve) => evil.addEventListener('error', resolve));
      document.head.appendChild(evil);
      expect(evil.parentNode).toBeNull();
      await failed;
    } finally {
      restore();
    }
  });
});
