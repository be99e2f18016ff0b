import { defineCunmenConfig } from '../vitest.shared.ts';

// Only the harness's pure logic is tested here (plain ES modules); the measurements run under `npm run bench`.
export default defineCunmenConfig({ test: { include: ['src/**/*.test.mjs'] } });
