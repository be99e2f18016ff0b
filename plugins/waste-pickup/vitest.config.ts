import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // One React for the widget, the SDK and the UI kit, also when they are linked from a checkout.
    dedupe: ['react', 'react-dom'],
  },
  test: {
    environment: 'happy-dom',
    // Testing Library unmounts after each test through the global afterEach.
    globals: true,
    include: ['src/**/*.test.{ts,tsx}'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
