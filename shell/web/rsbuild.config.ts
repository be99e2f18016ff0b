/**
 * The resident portal build: one HTML page with the snapshot placeholder, hashed JS/CSS under
 * `dist/static/`, every URL under the fixed public path `/shell/` (the server serves `dist/` there).
 * Targets WeChat's engines (Chrome ≥ 78, iOS Safari ≥ 13), like the widgets' build preset. A second
 * environment builds the service worker (`src/sw/sw.ts`) as one classic script, `dist/sw.js` (no hash:
 * its URL must stay put; the browser re-checks it on every navigation).
 */
import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

export const PUBLIC_PATH = '/shell/';

const BROWSERS = ['chrome >= 78', 'ios_saf >= 13', 'safari >= 13'];

export default defineConfig({
  root: import.meta.dirname,
  environments: {
    web: {
      source: { entry: { index: './src/main.tsx' } },
      output: { cleanDistPath: { enable: true, keep: [/[\\/]dist[\\/]sw\.js$/] } },
    },
    sw: {
      source: { entry: { sw: { import: './src/sw/sw.ts', html: false } } },
      output: {
        target: 'web-worker',
        cleanDistPath: false,
        distPath: { root: 'dist', js: '' },
        filename: { js: '[name].js' },
        filenameHash: false,
        overrideBrowserslist: BROWSERS,
      },
      performance: { chunkSplit: { strategy: 'all-in-one' } },
      tools: { htmlPlugin: false },
    },
  },
  tools: {
    rspack: {
      resolve: { extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
      // The workspace contract packages have no import-time side effects; saying so lets rspack drop the
      // schema modules the portal never uses (the widget-manifest schemas, semver, JSON Schema export).
      module: {
        rules: [
          { test: /[\\/]packages[\\/](manifest|sdk|ui)[\\/](src|dist)[\\/].*\.[jt]sx?$/, sideEffects: false },
        ],
      },
    },
  },
  html: { template: './src/index.html', inject: 'head', scriptLoading: 'defer' },
  output: {
    distPath: { root: 'dist' },
    assetPrefix: PUBLIC_PATH,
    filenameHash: true,
    sourceMap: false,
    legalComments: 'none',
    // A third compress pass: ~130 B gzip off the resident's first load, at a second of build time.
    minify: { jsOptions: { minimizerOptions: { compress: { passes: 3 } } } },
    overrideBrowserslist: BROWSERS,
  },
  performance: { chunkSplit: { strategy: 'all-in-one' } },
  plugins: [pluginReact()],
});
