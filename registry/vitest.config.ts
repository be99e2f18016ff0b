import { defineCunmenConfig, withoutModuleCondition } from '../vitest.shared.ts';

/**
 * What does not run a second time on PostgreSQL + S3 (the `postgres` project): the storage contract
 * tests run on both back ends already, unit tests touch no storage, scale-instances and scale-backup
 * are scale mode itself (backup.test.ts is the data directory's), and the data-directory defaults and the npx/release suites
 * test nothing that depends on the back end. The route suites and the publish/install, login, refusal
 * and crash e2e suites run again. (A project's include adds to the shared one, so this excludes.)
 */
const NOT_ON_POSTGRES = [
  'src/storage/**',
  'src/cli/**',
  'src/services/**',
  'src/errors.test.ts',
  'e2e/backup.test.ts',
  'e2e/cli-defaults.test.ts',
  'e2e/release.test.ts',
  'e2e/uplink-npx.test.ts',
  'e2e/scale-instances.test.ts',
  'e2e/scale-backup.test.ts',
];

const config = defineCunmenConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'embedded' } },
      {
        extends: true,
        test: {
          name: 'postgres',
          exclude: NOT_ON_POSTGRES,
          setupFiles: ['test/postgres-suite.setup.ts'],
          env: { REGISTRY_TEST_BACKEND: 'postgres' },
        },
      },
    ],
  },
});
// Scale mode's S3 client (the AWS SDK): see withoutModuleCondition.
export default withoutModuleCondition(config);
