import { describe, expect, it } from 'vitest';
import { checkCompatibility, type HostProvides, THIS_SHELL } from './compatibility.js';

const host: HostProvides = {
  sdk: '0.1.0',
  shared: { react: '19.3.1', 'react-dom': '19.3.1', '@cunmen/sdk': '0.1.0', '@cunmen/ui': '0.1.0' },
};

describe('the compatibility badge', () => {
  it('is checked against the platform table of this build', () => {
    expect(THIS_SHELL.sdk).toBe('0.1.0');
    expect(THIS_SHELL.shared).toMatchObject({ react: '19.3.1', '@cunmen/sdk': '0.1.0' });
  });

  it('is compatible when the SDK range and every shared range accept what the shell provides', () => {
    expect(
      checkCompatibility({ sdk: '^0.1.0', shared: { react: '^19.0.0', '@cunmen/sdk': '^0.1.0' } }, host),
    ).toEqual({ status: 'compatible', problems: [] });
  });

  it.each([
    [
      'an SDK range the shell is outside',
      { sdk: '^0.2.0', shared: {} },
      [{ kind: 'sdk', needs: '^0.2.0', has: '0.1.0' }],
    ],
    [
      'an older React',
      { sdk: '^0.1.0', shared: { react: '^18.2.0' } },
      [{ kind: 'shared', name: 'react', needs: '^18.2.0', has: '19.3.1' }],
    ],
    [
      'a singleton the shell does not provide',
      { sdk: '^0.1.0', shared: { vue: '^3.0.0' } },
      [{ kind: 'shared', name: 'vue', needs: '^3.0.0', has: null }],
    ],
    [
      'both at once',
      { sdk: '>=1.0.0', shared: { 'react-dom': '^20.0.0' } },
      [
        { kind: 'sdk', needs: '>=1.0.0', has: '0.1.0' },
        { kind: 'shared', name: 'react-dom', needs: '^20.0.0', has: '19.3.1' },
      ],
    ],
  ])('is incompatible for %s', (_what, entry, problems) => {
    expect(checkCompatibility(entry, host)).toEqual({ status: 'incompatible', problems });
  });

  it('is unknown for a library (no SDK range) and when the shared ranges could not be read', () => {
    expect(checkCompatibility({ sdk: null, shared: {} }, host)).toEqual({
      status: 'unknown',
      problems: [],
      reason: 'no-sdk',
    });
    expect(checkCompatibility({ sdk: '^0.1.0', shared: null }, host)).toEqual({
      status: 'unknown',
      problems: [],
      reason: 'shared-unknown',
    });
    // An SDK that does not fit is known to fail, shared ranges or not.
    expect(checkCompatibility({ sdk: '^9.0.0', shared: null }, host).status).toBe('incompatible');
  });
});
