import { defineCunmenConfig } from '../vitest.shared.ts';

/** The route and e2e suites that run a second time on PostgreSQL + S3 (the `postgres` project). */
const ON_POSTGRES = [
  'src/routes/**/*.test.ts',
  'src/trust-proxy.test.ts',
  'e2e/publish-install.test.ts',
  'e2e/login.test.ts',
  'e2e/refusals.test.ts',
  'e2e/crash.test.ts',
];

const config = defineCunmenConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'embedded' } },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ON_POSTGRES,
          setupFiles: ['test/postgres-suite.setup.ts'],
          env: { REGISTRY_TEST_BACKEND: 'postgres' },
        },
      },
    ],
  },
});
// The AWS SDK's `module` entries import without file extensions, which Node's loader refuses: on the
// server side resolve it by `node` (its CommonJS build) instead.
const ssr = config.ssr?.resolve;
if (ssr?.conditions) ssr.conditions = ssr.conditions.filter((c) => c !== 'module');
export default config;
