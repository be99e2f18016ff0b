import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '@cunmen/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultProvinceRegistry, LOCAL_REGISTRY } from './npmrc.js';

let tmp: Awaited<ReturnType<typeof makeTempDir>>;
let withScope = '';
let mirrorOnly = '';

beforeAll(async () => {
  tmp = await makeTempDir('cunmen-npmrc-');
  withScope = join(tmp.path, 'scope.npmrc');
  writeFileSync(
    withScope,
    'registry=https://registry.npmmirror.com/\n@cunmen:registry=https://npm.zj.gov.cn\n',
  );
  mirrorOnly = join(tmp.path, 'mirror.npmrc');
  writeFileSync(mirrorOnly, 'registry=https://registry.npmmirror.com/\n');
});

afterAll(async () => {
  await tmp.remove();
});

describe('defaultProvinceRegistry', () => {
  it.each<[string, () => NodeJS.ProcessEnv, string]>([
    [
      'CUNMEN_REGISTRY first',
      () => ({ CUNMEN_REGISTRY: 'http://prov.test:4873', NPM_CONFIG_USERCONFIG: withScope }),
      'http://prov.test:4873/',
    ],
    ["the user's @cunmen:registry", () => ({ NPM_CONFIG_USERCONFIG: withScope }), 'https://npm.zj.gov.cn/'],
    [
      "never npm's registry elsewhere (a public mirror), even when npx was pointed at it",
      () => ({ NPM_CONFIG_USERCONFIG: mirrorOnly, npm_config_registry: 'https://registry.npmmirror.com/' }),
      LOCAL_REGISTRY,
    ],
    [
      'the registry npx was pointed at, when it is on this machine',
      () => ({ NPM_CONFIG_USERCONFIG: mirrorOnly, npm_config_registry: 'http://localhost:39001' }),
      'http://localhost:39001/',
    ],
    [
      'the same with a loopback address',
      () => ({
        NPM_CONFIG_USERCONFIG: join(tmp.path, 'none'),
        npm_config_registry: 'http://127.0.0.1:4873/',
      }),
      'http://127.0.0.1:4873/',
    ],
    [
      "the user's @cunmen:registry before the one npx was pointed at",
      () => ({ NPM_CONFIG_USERCONFIG: withScope, npm_config_registry: 'http://localhost:39001/' }),
      'https://npm.zj.gov.cn/',
    ],
    [
      'the local npm start registry when nothing is set',
      () => ({ NPM_CONFIG_USERCONFIG: join(tmp.path, 'none') }),
      LOCAL_REGISTRY,
    ],
  ])('%s', (_, env, expected) => {
    expect(defaultProvinceRegistry(env())).toBe(expected);
  });

  it('is loopback, so a widget created without --registry cannot be published off this machine', () => {
    expect(new URL(LOCAL_REGISTRY).hostname).toBe('localhost');
  });
});
