import { defineCunmenConfig } from '../../vitest.shared.ts';
import { bothDatabases } from './vitest.projects.ts';

export default defineCunmenConfig({ test: { projects: bothDatabases(['src/errors.test.ts']) } });
