// @vitest-environment happy-dom
import type { SnapshotWidget } from '@cunmen/manifest';
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

  const lazy = 'static/js/async/812.9f9f.js';
  const withLazy = (override: Partial<SnapshotWidget> = {}) =>
    testWidget(keys, '@deqing/complaints', {
      override: {
        assets: {
          ...widget.assets,
          [lazy]: `sha384-${'7'.repeat(64)}`,
          'static/css/tile.1.css': widget.assets['remoteEntry.js'] as string,
        },
        ...override,
      },
    });

  it('leaves a lazily loaded chunk (a chart library) off the home route when guessing from names', () => {
    const w = withLazy();
    expect(scriptsFor(w, './Tile', createAssetIndex([w])).map((a) => a.path)).not.toContain(lazy);
  });

  it("follows the snapshot's exposeAssets exactly when present, CSS included", () => {
    const w = withLazy({
      exposeAssets: {
        './Tile': [
          'static/js/async/__federation_expose_Tile.abc.js',
          'static/css/tile.1.css',
          'not-signed.js',
        ],
      },
    });
    expect(scriptsFor(w, './Tile', createAssetIndex([w])).map((a) => a.path)).toEqual([
      'remoteEntry.js',
      'static/js/async/__federation_expose_Tile.abc.js',
      'static/css/tile.1.css',
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
