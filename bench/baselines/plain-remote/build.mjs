// The baseline of (f): a widget's source built as a plain rsbuild Module Federation remote, with the same
// exposes and the same shared singletons (left to the host, `import: false`) as `cunmen build` gives it,
// but none of the preset's checks, manifest, signatures-to-be or size accounting: what a county developer
// would run without Cunmen. `node build.mjs <widget dir> <out dir>`; prints nothing, exits 0 when built.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';
import { createRsbuild } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

const [widgetDir, outDir] = process.argv.slice(2);
if (!widgetDir || !outDir) throw new Error('usage: build.mjs <widget dir> <out dir>');
const pkg = JSON.parse(readFileSync(join(widgetDir, 'package.json'), 'utf8'));
const widget = JSON.parse(readFileSync(join(widgetDir, 'widget.json'), 'utf8'));
const SHARED = ['react', 'react-dom', 'react/jsx-runtime', '@cunmen/sdk', '@cunmen/ui'];

const rsbuild = await createRsbuild({
  cwd: widgetDir,
  rsbuildConfig: {
    mode: 'production',
    logLevel: 'warn',
    source: { entry: {} },
    tools: { htmlPlugin: false, rspack: { resolve: { extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } } } },
    output: { target: 'web', distPath: { root: outDir }, assetPrefix: 'auto', cleanDistPath: true },
    plugins: [
      pluginReact(),
      pluginModuleFederation({
        name: pkg.name.replace(/^@/, '').replace(/[^a-zA-Z0-9]/g, '_'),
        filename: 'remoteEntry.js',
        exposes: widget.exposes,
        shared: Object.fromEntries(SHARED.map((name) => [name, { singleton: true, import: false }])),
        dts: false,
      }),
    ],
  },
});
await rsbuild.build();
