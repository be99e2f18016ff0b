import { defineConfig } from 'vitest/config';

// Only the harness's pure logic is tested here; the measurements themselves run under `npm run bench`.
export default defineConfig({ test: { include: ['src/**/*.test.mjs'] } });
