/**
 * The staff console's build: one HTML page (every route is client-side) and content-hashed JS/CSS under
 * the public path `/console/` (the shell's console port serves `dist/` there, and nothing of it on the
 * resident port). Staff use current browsers, so no old-WebView targets; the catalog and the cadre
 * pages are lazy chunks, antd and the router split from the app code.
 */
import { defineConfig } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';

export const PUBLIC_PATH = '/console/';

export default defineConfig({
  root: import.meta.dirname,
  // The composer's phone preview is a page of its own (`/preview/v/<village>`, framed by the composer).
  // The cadre frame (`/cadre-frame` on its own origin) runs county widgets' cadre pages sandboxed.
  source: {
    entry: { index: './src/main.tsx', preview: './src/preview/main.tsx', frame: './src/frame/main.tsx' },
  },
  resolve: {
    // The widget runtime shared with the resident app is TypeScript source (`@cunmen/shell-web`).
    conditionNames: ['@cunmen/source', '...'],
  },
  tools: {
    rspack: {
      resolve: { extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
      // As in the resident build: the workspace contract packages have no import-time side effects, so
      // the schemas and helpers the console does not use are dropped.
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
    overrideBrowserslist: ['chrome >= 100', 'safari >= 15', 'firefox >= 100'],
  },
  performance: { chunkSplit: { strategy: 'split-by-experience' } },
  plugins: [pluginReact()],
});
