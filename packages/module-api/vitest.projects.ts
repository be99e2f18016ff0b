/**
 * The vitest projects of a module's tests, so none passes on one back end only: every test on SQLite
 * (the embedded default), and the ones that touch the database again on PostgreSQL (scale mode), where
 * the harness starts one throwaway server per test file (src/testing/databases.ts). A module's config:
 * `test: { projects: bothDatabases(['src/*.test.{ts,tsx}', 'src/!(server)/**']) }`.
 */
import type { TestProjectInlineConfiguration } from 'vitest/config';

/** `notOnPostgres`: test files that never open a database (a project's include adds to the base's). */
export function bothDatabases(notOnPostgres: string[]): TestProjectInlineConfiguration[] {
  return [
    { extends: true, test: { name: 'sqlite' } },
    {
      extends: true,
      test: { name: 'postgres', exclude: notOnPostgres, env: { CUNMEN_TEST_DB: 'postgres' } },
    },
  ];
}
