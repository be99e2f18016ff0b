import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One React for the widget, the SDK and the UI kit, also when they are linked from a checkout.
    dedupe: ['react', 'react-dom'],
    // Workspace packages from their sources (no build needed for unit tests).
    conditions: ['@cunmen/source', 'module', 'browser', 'development|production'],
  },
  ssr: { resolve: { conditions: ['@cunmen/source', 'module', 'node', 'development|production'] } },
  test: {
    // Widgets render in happy-dom; server and core tests say `@vitest-environment node` at their top.
    environment: 'happy-dom',
    // Testing Library unmounts after each test through the global afterEach.
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    testTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
