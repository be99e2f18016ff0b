import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compatibleRange,
  federationShared,
  SHARED_SINGLETON_NAMES,
  SHARED_SINGLETONS,
  sharedVersions,
} from './shared-singletons.js';

type Pkg = {
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
};
const pkg = (path: string): Pkg => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const dependency = (p: Pkg, name: string) => p.dependencies?.[name] ?? p.devDependencies?.[name];

describe('the shared-singleton table', () => {
  it("holds the versions of the workspace's packages and of the React both hosts install", () => {
    expect(SHARED_SINGLETONS['@cunmen/sdk'].version).toBe(pkg('../../sdk/package.json').version);
    expect(SHARED_SINGLETONS['@cunmen/ui'].version).toBe(pkg('../../ui/package.json').version);
    for (const host of ['../../../shell/web/package.json', '../../cli/package.json']) {
      for (const name of ['react', 'react-dom', 'react/jsx-runtime'] as const) {
        const row = SHARED_SINGLETONS[name];
        expect(dependency(pkg(host), row.package), `${host} ${name}`).toBe(row.version);
      }
    }
  });

  it('gives the snapshot its name → version map and each host its federation entries', () => {
    expect(sharedVersions()).toEqual({
      react: '19.3.1',
      'react-dom': '19.3.1',
      'react/jsx-runtime': '19.3.1',
      '@cunmen/sdk': SHARED_SINGLETONS['@cunmen/sdk'].version,
      '@cunmen/ui': SHARED_SINGLETONS['@cunmen/ui'].version,
    });
    const libs = Object.fromEntries(SHARED_SINGLETON_NAMES.map((n) => [n, { lib: n }])) as Record<
      (typeof SHARED_SINGLETON_NAMES)[number],
      unknown
    >;
    const shared = federationShared(libs);
    expect(Object.keys(shared)).toEqual(SHARED_SINGLETON_NAMES);
    expect(shared.react).toMatchObject({
      version: '19.3.1',
      scope: 'default',
      shareConfig: { singleton: true, requiredVersion: '^19.3.1' },
    });
    expect(shared['@cunmen/ui'].lib()).toEqual({ lib: '@cunmen/ui' });
  });

  it.each([
    ['19.3.1', '^19.0.0'],
    ['0.1.0', '^0.1.0'],
    ['0.4.7', '^0.4.0'],
    ['2.0.0-beta.1', '^2.0.0'],
  ])('derives the caret range %s → %s', (version, range) => {
    expect(compatibleRange(version)).toBe(range);
  });
});
