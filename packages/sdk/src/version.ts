/**
 * The SDK's own version, compiled in so a widget bundle (and the host that loads it) can tell which SDK
 * it was built against without reading package.json at run time. `version.test.ts` keeps it equal to
 * package.json; bump both together.
 */
export const SDK_VERSION = '0.1.0';
