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
  it('parses the sign-in page; the cadre console is no longer a resident route', () => {
    expect(parseRoute(`${base}/signin`, base)).toEqual({ kind: 'signin' });
    // It is the staff console's, on its own origin (the server redirects these URLs there).
    for (const path of ['/cadre', '/cadre/', '/cadre/complaints', '/cadre/complaints/case/JS1']) {
      expect(parseRoute(`${base}${path}`, base)).toEqual({ kind: 'unknown', path });
    }
  });
  it('maps a widget navigation target to a portal URL', () => {
    expect(hrefFor(base, '/')).toBe(`${base}/`);
    expect(hrefFor(base, '/find-machinery')).toBe(`${base}/p/find-machinery`);
    expect(hrefFor(base, 'waste-pickup/b/1')).toBe(`${base}/p/waste-pickup/b/1`);
  });
});
