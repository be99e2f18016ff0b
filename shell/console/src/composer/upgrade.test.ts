import { describe, expect, it } from 'vitest';
import type { CatalogVersion } from '../catalog/types.js';
import { newerVersion } from './upgrade.js';

const compatible = { sdk: '^0.1.0', against: '0.1.0', badge: 'compatible' } as const;
const version = (v: string, extra: Partial<CatalogVersion> = {}) =>
  ({
    version: v,
    yanked: null,
    compatibility: compatible,
    shared: { react: '^19.0.0' },
    ...extra,
  }) as unknown as CatalogVersion;

describe('newerVersion', () => {
  it('offers the newest approved version this shell can run', () => {
    expect(newerVersion('0.1.0', { versions: [version('0.1.0'), version('0.2.0'), version('0.1.5')] })).toBe(
      '0.2.0',
    );
  });

  it.each([
    [
      'an SDK the shell does not have',
      version('0.3.0', { compatibility: { ...compatible, badge: 'incompatible' } }),
    ],
    ['a shared singleton the shell has in another major', version('0.3.0', { shared: { react: '^18.2.0' } })],
    ['a withdrawn version', version('0.3.0', { yanked: true })],
    ['a pre-release', version('0.3.0-beta.1')],
  ])('never offers %s', (_what, newer) => {
    expect(newerVersion('0.1.0', { versions: [version('0.1.0'), newer] })).toBeNull();
  });

  it('still offers a version whose shared ranges were not read: the server checks it', () => {
    expect(newerVersion('0.1.0', { versions: [version('0.2.0', { shared: null })] })).toBe('0.2.0');
  });
});
