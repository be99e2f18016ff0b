import { defineCunmenConfig } from '../../vitest.shared.ts';

/**
 * Two projects: every suite on the embedded SQLite store, and the HTTP suites that build their shell
 * through test/shell.ts (portal, identity, host API, audit, households) once more on PostgreSQL — one
 * throwaway server per test file (test/postgres.ts), nothing rebuilt.
 */
const ON_POSTGRES = [
  'src/http/portal-routes.*.test.ts',
  'src/identity/admin-sessions.test.ts',
  'src/host-api/**/*.test.ts',
  'src/audit.test.ts',
  'src/households/routes.test.ts',
  'src/mandatory/routes.test.ts',
  'src/console/composer.test.ts',
  'test/authz-matrix/*.test.ts',
];

// Not `extends: true`: that would add these to the shared include list instead of replacing it.
const {
  reporters: _r,
  outputFile: _o,
  maxWorkers: _m,
  fileParallelism: _f,
  ...shared
} = defineCunmenConfig().test ?? {};
const base = defineCunmenConfig();

// The AWS SDK's `module` entries import without file extensions, which Node's loader refuses: on the
// server side resolve it by `node` (its CommonJS build) instead (as registry/ and object-store do).
const withoutModuleCondition = (config: typeof base) => {
  const ssr = config.ssr?.resolve;
  if (ssr?.conditions) ssr.conditions = ssr.conditions.filter((c) => c !== 'module');
  return config;
};
withoutModuleCondition(base);

export default withoutModuleCondition(
  defineCunmenConfig({
    test: {
      projects: [
        { extends: true, test: { name: 'sqlite' } },
        {
          resolve: base.resolve,
          ssr: base.ssr,
          test: {
            ...shared,
            name: 'postgres',
            include: ON_POSTGRES,
            env: { CUNMEN_TEST_DATABASE: 'postgres' },
          },
        },
      ],
    },
  }),
);
