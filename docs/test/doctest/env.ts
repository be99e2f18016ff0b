/**
 * The environment a block runs in: a reader's terminal with Node.js and npm, and nothing of the monorepo
 * on PATH (no pinned pnpm, no workspace bins), a home of its own (so `cunmen login` and `npm login` write
 * a fresh ~/.npmrc) but npm's usual cache (packages already downloaded are not downloaded again).
 */
import { execFileSync } from 'node:child_process';
import type { Platform } from './platform.ts';

export function readerEnv(platform: Platform, home: string): NodeJS.ProcessEnv {
  const cache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
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
  return env;
}
