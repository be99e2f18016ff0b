/**
 * The SDK's own version, compiled in so a widget bundle (and the host that loads it) can tell which SDK
 * it was built against without reading package.json at run time. It is the host API contract's
 * (`@cunmen/host-api`), which the shell server advertises too; `version.test.ts` keeps it equal to this
 * package.json — bump both together.
 */
export { SDK_VERSION } from '@cunmen/host-api';
