import { SHARED_SINGLETON_NAMES } from '@cunmen/manifest';
import { describe, expect, it } from 'vitest';
import { sharedRanges } from './shared.js';

const pkg = (peerDependencies: Record<string, string>) => ({
  name: '@deqing/a',
  version: '1.0.0',
  peerDependencies,
});

describe('sharedRanges', () => {
  it("declares every singleton of the platform's table, with the ranges the widget declares", () => {
    const ranges = sharedRanges(pkg({ react: '^19.1.0', '@cunmen/ui': '~0.1.2' }), '^0.1.0');
    expect(Object.keys(ranges)).toEqual(SHARED_SINGLETON_NAMES);
    expect(ranges).toEqual({
      react: '^19.1.0',
      'react-dom': '^19.0.0',
      // The JSX runtime comes with React: it takes React's range.
      'react/jsx-runtime': '^19.1.0',
      '@cunmen/sdk': '^0.1.0',
      '@cunmen/ui': '~0.1.2',
    });
  });

  it("takes the SDK range from the manifest and, for workspace links, the range of the shell's version", () => {
    const ranges = sharedRanges(pkg({ '@cunmen/sdk': '^9.0.0', '@cunmen/ui': 'workspace:^' }), '^0.1.0');
    expect(ranges['@cunmen/sdk']).toBe('^0.1.0');
    expect(ranges['@cunmen/ui']).toBe('^0.1.0');
  });
});
