import { describe, expect, it } from 'vitest';
import { composerHome, composerHref, composerScreen, serviceHref } from './paths.js';

describe('composer paths', () => {
  it.each([
    [undefined, { kind: 'overview' }],
    ['', { kind: 'overview' }],
    ['add', { kind: 'add' }],
    ['theme', { kind: 'theme' }],
    ['history', { kind: 'history' }],
    ['preview', { kind: 'preview' }],
    ['service/@yiyuan/waste-pickup', { kind: 'service', name: '@yiyuan/waste-pickup' }],
    ['service/%40yiyuan/waste-pickup', { kind: 'service', name: '@yiyuan/waste-pickup' }],
    ['service/yiyuan/waste-pickup', { kind: 'unknown' }],
    ['nonsense', { kind: 'unknown' }],
  ])('%j is %j', (splat, screen) => {
    expect(composerScreen(splat)).toEqual(screen);
  });

  it('builds the links back', () => {
    expect(composerHref('330521107201')).toBe('/v/330521107201/portal');
    expect(serviceHref('330521107201', '@yiyuan/waste-pickup')).toBe(
      '/v/330521107201/portal/service/@yiyuan/waste-pickup',
    );
    expect(composerHome('330521107201')).toBe('/v/330521107201/portal');
    expect(composerHome('330521')).toBe('/');
  });
});
