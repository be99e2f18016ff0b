// Everything a portal page provides to widgets once: React, the SDK, the UI kit and the MF runtime.
import * as sdk from '@cunmen/sdk';
import * as ui from '@cunmen/ui';
import { createInstance } from '@module-federation/runtime';
import * as runtimeCore from '@module-federation/runtime-core';
import * as React from 'react';
import * as jsxRuntime from 'react/jsx-runtime';
import * as ReactDOM from 'react-dom';
import { createRoot } from 'react-dom/client';

(globalThis as Record<string, unknown>)._FEDERATION_RUNTIME_CORE = runtimeCore;
const lib = (version: string, value: unknown) => ({
  version,
  lib: () => value,
  shareConfig: { singleton: true, requiredVersion: `^${version}` },
});
const mf = createInstance({
  name: 'probe',
  remotes: [],
  shared: {
    react: lib(React.version, React),
    'react-dom': lib(ReactDOM.version, ReactDOM),
    'react/jsx-runtime': lib(React.version, jsxRuntime),
    '@cunmen/sdk': lib(sdk.SDK_VERSION, sdk),
    '@cunmen/ui': lib('0.1.0', ui),
  },
});
const root = document.getElementById('root');
if (root) createRoot(root).render(<ui.ThemeProvider>{String(Boolean(mf))}</ui.ThemeProvider>);
