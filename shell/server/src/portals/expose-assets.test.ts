import { describe, expect, it } from 'vitest';
import { exposeAssetsOf } from './expose-assets.js';

describe('exposeAssetsOf', () => {
  const assets = {
    'remoteEntry.js': 'sha384-a',
    'static/js/t.js': 'sha384-b',
    'static/css/t.css': 'sha384-c',
  };

  it('keeps only signed paths of well-formed lists', () => {
    expect(
      exposeAssetsOf(
        { exposeAssets: { './Tile': ['static/js/t.js', 'static/css/t.css', 'evil.js', 7], './Page': 'x' } },
        assets,
      ),
    ).toEqual({ exposeAssets: { './Tile': ['static/js/t.js', 'static/css/t.css'] } });
  });

  it('yields nothing for a manifest built before the lists existed, or a malformed field', () => {
    expect(exposeAssetsOf({}, assets)).toEqual({});
    expect(exposeAssetsOf({ exposeAssets: ['static/js/t.js'] }, assets)).toEqual({});
    expect(exposeAssetsOf({ exposeAssets: null }, assets)).toEqual({});
  });
});
