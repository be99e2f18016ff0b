import { defineCunmenConfig } from '../vitest.shared.ts';

// The docs test starts one platform and walks the pages in order: one file at a time.
export default defineCunmenConfig({ test: { fileParallelism: false } });
