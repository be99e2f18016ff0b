import { defineCunmenConfig } from '../../vitest.shared.ts';

// The harness's tests run on both back ends a module meets: SQLite (the embedded default) and
// PostgreSQL (scale mode; one throwaway server per test file, see src/testing/databases.ts).
export default defineCunmenConfig({
  test: {
    projects: [
      { extends: true, test: { name: 'sqlite' } },
      {
        extends: true,
        test: {
          name: 'postgres',
          // Only the tests that touch a database (a project's include adds to the base config's).
          exclude: ['src/errors.test.ts'],
          env: { CUNMEN_TEST_DB: 'postgres' },
        },
      },
    ],
  },
});
