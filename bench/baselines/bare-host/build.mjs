// The baseline of the LCP part: a bare Module Federation host — rsbuild with `@module-federation/enhanced`
// (through its rsbuild plugin) and nothing of the shell: no snapshot verification, no integrity plugin,
// no preload hints, no page credentials. It renders the same home tiles the plain way: each widget is
// registered at run time by its `mf-manifest.json` URL, so the runtime fetches the manifest, then the
// remoteEntry.js, then the expose's chunks. `node build.mjs <out dir>`; exits 0 when built.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';
import { createRsbuild } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

const [outDir] = process.argv.slice(2);
if (!outDir) throw new Error('usage: build.mjs <out dir>');
const here = dirname(fileURLToPath(import.meta.url));
// The versions the widgets were built against (@cunmen/manifest's SHARED_SINGLETONS), as real singletons.
const singleton = (version) => ({ singleton: true, eager: false, requiredVersion: `^${version}`, version });

const rsbuild = await createRsbuild({
  cwd: here,
  rsbuildConfig: {
    mode: 'production',
    logLevel: 'warn',
    source: { entry: { index: './src/index.ts' } },
    tools: { rspack: { resolve: { extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } } } },
    html: { title: '村门 bare MF host', template: './src/index.html' },
    output: { target: 'web', distPath: { root: outDir }, assetPrefix: '/', cleanDistPath: true },
    performance: { chunkSplit: { strategy: 'split-by-experience' } },
    plugins: [
      pluginReact(),
      pluginModuleFederation({
        name: 'bare_host',
        remotes: {},
        shared: {
          react: singleton('19.3.1'),
          'react-dom': singleton('19.3.1'),
          'react/jsx-runtime': singleton('19.3.1'),
          '@cunmen/sdk': singleton('0.1.0'),
          '@cunmen/ui': singleton('0.1.0'),
        },
        // The widgets are built with `externalRuntime`: the host hands them its runtime core.
        experiments: { provideExternalRuntime: true },
        dts: false,
      }),
    ],
  },
});
await rsbuild.build();
