import { bothDatabases } from '../../packages/module-api/vitest.projects.ts';
import { defineCunmenConfig } from '../../vitest.shared.ts';

// Widgets render in happy-dom (server and core tests say `@vitest-environment node` at their top), with
// one React for the widget, the SDK and the UI kit. The server's tests run on SQLite and again on
// PostgreSQL, so the ledger's guarantees (no double spend, stock never below zero) hold on both.
export default defineCunmenConfig({
  resolve: { dedupe: ['react', 'react-dom'] },
  test: {
    environment: 'happy-dom',
    globals: true,
    projects: bothDatabases(['src/*.test.{ts,tsx}', 'src/!(server)/**']),
  },
});
