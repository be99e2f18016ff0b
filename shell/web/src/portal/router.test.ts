import { describe, expect, it } from 'vitest';
import { hrefFor, parseRoute, portalBase } from './router.js';

describe('portal routes', () => {
  const base = '/v/330521001001';
  it('finds the portal base in the URL', () => {
    expect(portalBase('/v/330521001001/')).toBe(base);
    expect(portalBase('/v/330521001001/p/find-machinery/12')).toBe(base);
    expect(portalBase('/v/3305/')).toBeNull();
  });
  it('parses home, pages with a rest path, and unknown paths', () => {
    expect(parseRoute(`${base}/`, base)).toEqual({ kind: 'home' });
    expect(parseRoute(base, base)).toEqual({ kind: 'home' });
    expect(parseRoute(`${base}/p/find-machinery`, base)).toEqual({
      kind: 'page',
      route: 'find-machinery',
      path: '/',
    });
    expect(parseRoute(`${base}/p/waste-pickup/b/12`, base)).toEqual({
      kind: 'page',
      route: 'waste-pickup',
      path: '/b/12',
    });
    expect(parseRoute(`${base}/admin`, base)).toEqual({ kind: 'unknown', path: '/admin' });
  });
  it('parses the sign-in page and the cadre console with its page and rest path', () => {
    expect(parseRoute(`${base}/signin`, base)).toEqual({ kind: 'signin' });
    expect(parseRoute(`${base}/cadre`, base)).toEqual({ kind: 'cadre', route: null, path: '/' });
    expect(parseRoute(`${base}/cadre/`, base)).toEqual({ kind: 'cadre', route: null, path: '/' });
    expect(parseRoute(`${base}/cadre/complaints`, base)).toEqual({
      kind: 'cadre',
      route: 'complaints',
      path: '/',
    });
    expect(parseRoute(`${base}/cadre/complaints/case/JS1`, base)).toEqual({
      kind: 'cadre',
      route: 'complaints',
      path: '/case/JS1',
    });
    expect(parseRoute(`${base}/cadre/Bad_Route`, base)).toEqual({
      kind: 'unknown',
      path: '/cadre/Bad_Route',
    });
  });
  it('maps a widget navigation target to a portal URL', () => {
    expect(hrefFor(base, '/')).toBe(`${base}/`);
    expect(hrefFor(base, '/find-machinery')).toBe(`${base}/p/find-machinery`);
    expect(hrefFor(base, 'waste-pickup/b/1')).toBe(`${base}/p/waste-pickup/b/1`);
  });
});
