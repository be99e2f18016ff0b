// @vitest-environment node
/**
 * The village home carries this widget's remote entry and what its home tile needs, on residents'
 * phones: held against the per-tile budget as the registry serves it (brotli), on the production
 * build in dist/ (turbo builds first). A tile that imports a heavy library fails here.
 */
import { HOME_ROUTE_WIRE_BUDGET, homeRouteOnTheWire } from '@cunmen/cli';
import { describe, expect, it } from 'vitest';

describe('@cunmen/affairs-disclosure home route', () => {
  it(`is within ${HOME_ROUTE_WIRE_BUDGET / 1024} KB brotli on the wire, entry included`, () => {
    const route = homeRouteOnTheWire(new URL('../dist/', import.meta.url));
    expect(route).not.toBeNull();
    console.log(
      `@cunmen/affairs-disclosure home route: ${route?.files.join(' + ')}: ${((route?.brotli ?? 0) / 1024).toFixed(1)} KB brotli, ${((route?.gzip ?? 0) / 1024).toFixed(1)} KB gzip`,
    );
    expect(route?.files.some((f) => f.includes('__federation_expose_Tile'))).toBe(true);
    expect(route?.brotli).toBeLessThanOrEqual(HOME_ROUTE_WIRE_BUDGET);
  });
});
