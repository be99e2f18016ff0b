import { defineCunmenConfig } from '../../vitest.shared.ts';

// Widgets render in happy-dom (server and core tests say `@vitest-environment node` at their top), with
// one React for the widget, the SDK and the UI kit; Testing Library unmounts through the global afterEach.
// The server's tests run twice: on SQLite (the embedded default) and on PostgreSQL (scale mode; one
// throwaway server per test file and a database per test, see @cunmen/module-api's testing harness).
export default defineCunmenConfig({
  resolve: { dedupe: ['react', 'react-dom'] },
  test: {
    environment: 'happy-dom',
    globals: true,
    projects: [
      { extends: true, test: { name: 'sqlite' } },
      {
        extends: true,
        test: {
          name: 'postgres',
          // A project's include adds to the base config's, so everything but the server is excluded.
          exclude: ['src/*.test.{ts,tsx}', 'src/!(server)/**'],
          env: { CUNMEN_TEST_DB: 'postgres' },
        },
      },
    ],
  },
});
