import { defineCunmenConfig, withoutModuleCondition } from '../../vitest.shared.ts';

/**
 * Two projects: every suite on the embedded SQLite store, and once more on PostgreSQL the HTTP suites that
 * build their shell through test/shell.ts (portal, identity, host API, audit, households) — one throwaway
 * server per test file (test/postgres.ts) — and every browser suite that starts a registry or a shell
 * with storage, whose registry and shell processes then run on PostgreSQL + S3 (e2e/backends.ts). Nothing
 * is rebuilt. Not here: the CLI's usage and data-directory suite (e2e/cli.test.ts) and the suites that are
 * scale mode themselves and start their own PostgreSQL (instances, migrate-to-scale, scale-backup).
 * `npm test` runs the two projects as two turbo tasks, `test` and `test:postgres` (package.json), so
 * the PostgreSQL run goes beside other packages' tests instead of after the embedded one.
 */
const ON_POSTGRES = [
  'src/http/portal-routes.*.test.ts',
  'src/identity/admin-sessions.test.ts',
  'src/identity/phone-routes.test.ts',
  'src/identity/pre-register-routes.test.ts',
  'src/identity/sms-http.test.ts',
  'src/identity/wechat-routes.test.ts',
  'src/host-api/**/*.test.ts',
  'src/audit.test.ts',
  'src/households/routes.test.ts',
  'src/households/sql-join-requests.test.ts',
  'src/households/join-routes.test.ts',
  'src/mandatory/routes.test.ts',
  'src/console/composer.test.ts',
  'src/notifications/*.test.ts',
  // The full-platform browser suites: registry and shell on PostgreSQL + S3 (e2e/backends.ts).
  'e2e/full-stack.test.ts',
  'e2e/portal.test.ts',
  'e2e/composer.test.ts',
  'e2e/console.test.ts',
  'e2e/points.test.ts',
  'e2e/party-building.test.ts',
  'e2e/layout.test.ts',
  'e2e/demo-content.test.ts',
  'e2e/landing.test.ts',
  'e2e/poster.test.ts',
  'e2e/evil-widget/*.test.ts',
  'test/authz-matrix/*.test.ts',
];

// A folder per run for the full-platform suites' shared set-up (e2e/platform-template.ts).
const TEMPLATE_ROOT = './e2e/template-root.ts';

// Not `extends: true`: that would add these to the shared include list instead of replacing it.
const {
  reporters: _r,
  outputFile: _o,
  maxWorkers: _m,
  fileParallelism: _f,
  ...shared
} = defineCunmenConfig().test ?? {};
const base = defineCunmenConfig();

// Scale mode's S3 client (the AWS SDK): see withoutModuleCondition.
withoutModuleCondition(base);

export default withoutModuleCondition(
  defineCunmenConfig({
    test: {
      projects: [
        { extends: true, test: { name: 'sqlite', globalSetup: [TEMPLATE_ROOT] } },
        {
          resolve: base.resolve,
          ssr: base.ssr,
          test: {
            ...shared,
            name: 'postgres',
            include: ON_POSTGRES,
            globalSetup: [TEMPLATE_ROOT],
            env: { CUNMEN_TEST_DATABASE: 'postgres' },
          },
        },
      ],
    },
  }),
);
