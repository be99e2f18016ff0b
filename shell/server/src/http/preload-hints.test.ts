import { describe, expect, it } from 'vitest';
import { hintAssets, hintLinks, hintsFor, injectHints } from './preload-hints.js';

const base = 'https://registry.example/-/assets/abc/';
const complaints = {
  name: '@cunmen/complaints',
  remote: { entry: `${base}remoteEntry.js` },
  assetBase: base,
  assets: {
    'remoteEntry.js': 'sha384-entry',
    'mf-manifest.json': 'sha384-mf',
    'static/js/async/__federation_expose_Tile.1.js': 'sha384-tile',
    'static/js/async/__federation_expose_Cadre.2.js': 'sha384-cadre',
    'static/js/async/shared.3.js': 'sha384-shared',
    'static/js/async/y.4.js': 'sha384-echarts',
    'static/css/tile.5.css': 'sha384-css',
  },
  placements: [
    { slot: 'village.home.tile/v1', expose: './Tile' },
    { slot: 'village.page/v1', expose: './Page', route: 'complaints' },
  ],
};

describe('preload hints', () => {
  it('follows exposeAssets exactly: entry first, CSS as style, never a lazily loaded chunk', () => {
    const widget = {
      ...complaints,
      exposeAssets: {
        './Tile': ['static/js/async/__federation_expose_Tile.1.js', 'static/css/tile.5.css', 'x.js'],
      },
    };
    expect(hintAssets({ widgets: [widget] }, '')).toEqual([
      { url: `${base}remoteEntry.js`, integrity: 'sha384-entry', as: 'script' },
      { url: `${base}static/js/async/__federation_expose_Tile.1.js`, integrity: 'sha384-tile', as: 'script' },
      { url: `${base}static/css/tile.5.css`, integrity: 'sha384-css', as: 'style' },
    ]);
  });

  it('guesses from file names without exposeAssets: the expose chunk and the shared chunk only', () => {
    const urls = hintAssets({ widgets: [complaints] }, '').map((a) => a.url.slice(base.length));
    expect(urls).toEqual([
      'remoteEntry.js',
      'static/js/async/__federation_expose_Tile.1.js',
      'static/js/async/shared.3.js',
    ]);
  });

  it("gives a page route its page's files and an unknown route none", () => {
    const page = hintAssets({ widgets: [complaints] }, 'complaints/123').map((a) => a.url.slice(base.length));
    expect(page).toEqual(['remoteEntry.js', 'static/js/async/shared.3.js']);
    expect(hintAssets({ widgets: [complaints] }, 'elsewhere')).toEqual([]);
  });

  it('escapes attribute values and goes before </head>', () => {
    const links = hintLinks([
      { url: 'https://a.example/x.js?"><script>', integrity: 'sha384-a', as: 'script' },
    ]);
    expect(links).not.toContain('"><script>');
    expect(injectHints('<head><script src="/shell/i.js"></script></head>', links)).toBe(
      `<head><script src="/shell/i.js"></script>${links}</head>`,
    );
  });

  it('computes the links once per served snapshot and route', () => {
    const served = { json: JSON.stringify({ widgets: [complaints] }) };
    const first = hintsFor(served, '');
    expect(first).toContain('remoteEntry.js');
    served.json = '{"widgets":[]}';
    expect(hintsFor(served, '')).toBe(first);
  });
});
