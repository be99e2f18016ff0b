import { defineCunmenConfig, withoutModuleCondition } from '../vitest.shared.ts';

/**
 * What does not run a second time on PostgreSQL + S3 (the `postgres` project): the storage contract
 * tests run on both back ends already, unit tests touch no storage, scale-instances and scale-backup
 * are scale mode itself, backup.test.ts is the data directory's backup and cli-defaults the data
 * directory's defaults (neither exists in scale mode). uplink-npx starts two registries in one file, the
 * province's and its uplink, where the project gives a file one database: it stays embedded. The route
 * suites and the publish/install, login, refusal, crash and release e2e suites run again.
 * (A project's include adds to the shared one, so this excludes.) `npm test` runs the two projects as
 * two turbo tasks, `test` and `test:postgres` (package.json), side by side with other packages' tests.
 */
const NOT_ON_POSTGRES = [
  'src/storage/**',
  'src/cli/**',
  'src/services/**',
  'src/errors.test.ts',
  'e2e/backup.test.ts',
  'e2e/cli-defaults.test.ts',
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
