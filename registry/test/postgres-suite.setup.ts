/**
 * The `postgres` vitest project: the route and e2e suites again, on PostgreSQL + S3. Each file starts
 * with a fresh database and bucket in the environment, on one PostgreSQL and one S3 server for the
 * whole file (test/backends.ts); each registry a test builds takes a fresh pair (`freshBackend`).
 */
import { beforeAll } from 'vitest';
import { useFreshScaleEnvironment } from './backends.js';

beforeAll(useFreshScaleEnvironment);
