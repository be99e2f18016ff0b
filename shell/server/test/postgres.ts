/**
 * PostgreSQL for the shell's tests: one throwaway server per test file (started on first use, stopped
 * after the file), a fresh database per shell or store. `CUNMEN_TEST_DATABASE=postgres` (the `postgres`
 * vitest project) runs the HTTP suites that use test/shell.ts on it instead of SQLite.
 */
import { type StartedPostgres, startPostgres } from '@cunmen/test-utils';
import { afterAll } from 'vitest';

let server: Promise<StartedPostgres> | null = null;
let databases = 0;

// Registered when a test file first imports this module, so it runs after the file's own afterAll
// hooks (they run in reverse order) have closed every shell using the server.
afterAll(async () => {
  const started = server;
  server = null;
  if (started) await (await started).stop();
});

/** True when the HTTP suites should run on PostgreSQL. */
export function testsOnPostgres(): boolean {
  return process.env.CUNMEN_TEST_DATABASE === 'postgres';
}

/** The URL of a new, empty database on this file's server. */
export async function freshDatabase(): Promise<string> {
  server ??= startPostgres();
  return (await server).createDatabase(`shell_${++databases}`);
}

/** A new database when the suites run on PostgreSQL, else undefined (the SQLite file of the data dir). */
export async function testDatabaseUrl(): Promise<string | undefined> {
  return testsOnPostgres() ? freshDatabase() : undefined;
}
