import { describe, expect, it } from 'vitest';
import { cadreHref, splitCadrePath } from './paths.js';

describe('cadre page paths', () => {
  it.each([
    [undefined, { page: null, path: '/' }],
    ['', { page: null, path: '/' }],
    ['complaints', { page: 'complaints', path: '/' }],
    ['complaints/', { page: 'complaints', path: '/' }],
    ['complaints/case/JS1', { page: 'complaints', path: '/case/JS1' }],
    ['affairs-disclosure/items/3/', { page: 'affairs-disclosure', path: '/items/3' }],
    ['Bad_Route', { invalid: true }],
    ['-starts-with-dash', { invalid: true }],
  ])('reads %j', (splat, expected) => {
    expect(splitCadrePath(splat)).toEqual(expected);
  });

  it('writes the URL a widget navigates to', () => {
    expect(cadreHref('330521107201', 'complaints/case/7')).toBe('/v/330521107201/cadre/complaints/case/7');
    expect(cadreHref('330521107201', '/')).toBe('/v/330521107201/cadre');
  });
});
