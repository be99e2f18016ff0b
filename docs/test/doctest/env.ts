/**
 * The environment a block runs in: a reader's terminal with Node.js and npm, and nothing of the monorepo
 * on PATH (no pinned pnpm, no workspace bins), a home of its own (so `cunmen login` and `npm login` write
 * a fresh ~/.npmrc) and a cache of the docs test's own (see docsNpmCache).
 */
import { rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Platform } from './platform.ts';

/**
 * npm's cache for the docs test: kept between runs (public packages are not downloaded again) but apart
 * from the user's, and without npx's installs, which are keyed by the package spec alone — every run
 * releases a new `@cunmen/cli@0.1.0` into its fresh registry, and npx must install that one.
 */
function docsNpmCache(): string {
  const cache = join(homedir(), '.cache', 'cunmen-docs-test', 'npm');
  rmSync(join(cache, '_npx'), { recursive: true, force: true });
  return cache;
}

export function readerEnv(platform: Platform, home: string): NodeJS.ProcessEnv {
  const cache = docsNpmCache();
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|PNPM_|TURBO_|VITEST|NODE_OPTIONS$|INIT_CWD$)/i.test(key)) continue;
    env[key] = value;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.includes('node_modules/.bin') && !dir.includes('/.tools/'))
    .join(':');
  env.HOME = home;
  env.npm_config_cache = cache;
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  env.CUNMEN_DATA = platform.dataDir;
  env.PORT = String(platform.shellPort);
  env.REGISTRY_PORT = String(platform.registryPort);
  env.CONSOLE_PORT = String(platform.consolePort);
  return env;
}
