/**
 * The one vitest base config every package extends: sources resolved through the `@cunmen/source`
 * condition (no build needed for unit tests), a JSON report that `npm test` sums, browser-test timeouts.
 */
import { defineConfig, mergeConfig, type ViteUserConfig } from 'vitest/config';

const client = ['@cunmen/source', 'module', 'browser', 'development|production'];
const server = ['@cunmen/source', 'module', 'node', 'development|production'];

export function defineCunmenConfig(extra: ViteUserConfig = {}): ViteUserConfig {
  const base = defineConfig({
    resolve: { conditions: client },
    ssr: { resolve: { conditions: server } },
    test: {
      include: ['src/**/*.test.{ts,tsx}', 'e2e/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
      environment: 'node',
      reporters: ['default', 'json'],
      outputFile: { json: 'test-results/vitest.json' },
      testTimeout: 30_000,
      hookTimeout: 120_000,
      pool: 'forks',
      maxWorkers: 2,
      fileParallelism: true,
    },
  });
  return mergeConfig(base, extra);
}

/**
 * For packages whose tests load the AWS SDK (scale mode's S3 client): its `module` entries import
 * without file extensions, which Node's loader refuses, so the server side resolves it by `node` (its
 * CommonJS build) instead. Mutates and returns `config`.
 */
export function withoutModuleCondition(config: ViteUserConfig): ViteUserConfig {
  const ssr = config.ssr?.resolve;
  if (ssr?.conditions) ssr.conditions = ssr.conditions.filter((c) => c !== 'module');
  return config;
}
