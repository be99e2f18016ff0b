import { SHARED_SINGLETONS } from '@cunmen/manifest';
import { SDK_VERSION } from '@cunmen/sdk';
import uiPkg from '@cunmen/ui/package.json' with { type: 'json' };
import { version as reactDomVersion } from 'react-dom';
import { describe, expect, it } from 'vitest';
import { sharedMismatches, sharedSingletons } from './instance.js';

describe('shared singletons', () => {
  it('the host provides React, react-dom, the JSX runtime, the SDK and the UI kit, once each', () => {
    const shared = sharedSingletons();
    expect(Object.keys(shared).sort()).toEqual([
      '@cunmen/sdk',
      '@cunmen/ui',
      'react',
      'react-dom',
      'react/jsx-runtime',
    ]);
    for (const entry of Object.values(shared)) expect(entry.shareConfig.singleton).toBe(true);
    expect((shared.react.lib() as { version: string }).version).toBe(shared.react.version);
    expect(typeof (shared['react/jsx-runtime'].lib() as { jsx: unknown }).jsx).toBe('function');
    expect(shared['@cunmen/sdk'].version).toBe('0.1.0');
  });

  it("provides the copies the platform's table names, at the table's versions", () => {
    const shared = sharedSingletons();
    for (const [name, row] of Object.entries(SHARED_SINGLETONS)) {
      expect(shared[name as keyof typeof shared].version, name).toBe(row.version);
    }
    expect((shared.react.lib() as { version: string }).version).toBe(SHARED_SINGLETONS.react.version);
    expect(reactDomVersion).toBe(SHARED_SINGLETONS['react-dom'].version);
    expect(SDK_VERSION).toBe(SHARED_SINGLETONS['@cunmen/sdk'].version);
    expect(uiPkg.version).toBe(SHARED_SINGLETONS['@cunmen/ui'].version);
  });

  it('flags snapshot expectations this build does not meet (exact versions or ranges)', () => {
    const react = sharedSingletons().react.version;
    expect(sharedMismatches({ react, 'react-dom': '^19.0.0', '@cunmen/sdk': '^0.1.0' })).toEqual([]);
    expect(sharedMismatches({ react: '^18.2.0', lodash: '^4.0.0' })).toEqual([
      `react: snapshot expects ^18.2.0, shell provides ${react}`,
      'lodash: snapshot expects ^4.0.0, shell provides nothing',
    ]);
  });
});
