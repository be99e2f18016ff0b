/** The emulated shell that `cunmen dev` serves: a small host app built once with the CLI. */
import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  source: { entry: { index: './src/index.tsx' } },
  tools: { rspack: { resolve: { extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } } } },
  html: { title: 'cunmen dev', template: './src/index.html' },
  output: {
    distPath: { root: 'dist' },
    cleanDistPath: true,
    assetPrefix: '/',
    sourceMap: false,
    overrideBrowserslist: ['chrome >= 78', 'ios_saf >= 13'],
  },
  performance: { chunkSplit: { strategy: 'all-in-one' } },
  plugins: [pluginReact()],
});
