// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { makeKeys } from '../../test/snapshot-fixture.js';
import { testWidget } from '../../test/widgets.js';
import { createAssetIndex } from './integrity.js';
import { preloadScripts, scriptsFor } from './preload.js';

describe('preloading home tiles', () => {
  const keys = makeKeys();
  const widget = testWidget(keys, '@deqing/find-machinery');
  const index = createAssetIndex([widget]);

  it('needs the entry, the expose chunk and the shared chunks — never mf-manifest.json or other exposes', () => {
    expect(scriptsFor(widget, './Tile', index).map((a) => a.path)).toEqual([
      'remoteEntry.js',
      'static/js/async/__federation_expose_Tile.abc.js',
      'static/js/async/shared.123.js',
    ]);
  });

  it('adds one <link rel=preload as=script integrity crossorigin> per script, once', () => {
    const assets = scriptsFor(widget, './Tile', index);
    expect(preloadScripts(assets, document)).toHaveLength(3);
    expect(preloadScripts(assets, document)).toHaveLength(0);
    const link = document.head.querySelector<HTMLLinkElement>('link[rel="preload"]');
    expect(link?.getAttribute('as')).toBe('script');
    expect(link?.getAttribute('integrity')).toBe(widget.assets['remoteEntry.js']);
    expect(link?.getAttribute('crossorigin')).toBe('anonymous');
  });
});
