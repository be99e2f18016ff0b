import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@cunmen/source', 'module', 'browser', 'development|production'] },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
