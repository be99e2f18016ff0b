import { defineCunmenConfig } from '../../vitest.shared.ts';

export default defineCunmenConfig();
