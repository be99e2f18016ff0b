/**
 * The rsbuild side of the preset: turns a checked widget package into a Module Federation 2.0 remote
 * (`remoteEntry.js`, `mf-manifest.json`, chunks) with the shared singletons left to the host.
 */

import { SHARED_SINGLETON_NAMES } from '@cunmen/manifest';
import { pluginModuleFederation } from '@module-federation/rsbuild-plugin';
import type { RsbuildConfig, RsbuildPlugin } from '@rsbuild/core';
import { pluginReact } from '@rsbuild/plugin-react';
import { BROWSER_TARGETS } from './browsers.js';
import { sharedRanges } from './shared.js';
import { remoteName, type WidgetPackage } from './widget-package.js';

export const REMOTE_ENTRY = 'remoteEntry.js';
export const MF_MANIFEST = 'mf-manifest.json';

export interface WidgetRsbuildOptions {
  widget: WidgetPackage;
  /** Output directory, absolute. */
  distPath: string;
  mode: 'production' | 'development';
  /** Defaults to true in production. */
  minify?: boolean;
  /** Extra rsbuild plugins (the CLI adds its dev-server hooks). */
  plugins?: RsbuildPlugin[];
}

export function moduleFederationOptions(widget: WidgetPackage) {
  const ranges = sharedRanges(widget.pkg, widget.manifest.sdk);
  return {
    name: remoteName(widget.pkg.name),
    filename: REMOTE_ENTRY,
    exposes: { ...widget.manifest.exposes },
    // `import: false`: never bundle a fallback copy; the shell always provides the singleton.
    shared: Object.fromEntries(
      SHARED_SINGLETON_NAMES.map((name) => [
        name,
        { singleton: true, requiredVersion: ranges[name], import: false as const },
      ]),
    ),
    manifest: { fileName: MF_MANIFEST },
    dts: false,
    // The MF runtime core (~30 KB gzip) comes once from the shell, not in every remoteEntry; the
    // host sets globalThis._FEDERATION_RUNTIME_CORE before it loads any remote.
    experiments: { externalRuntime: true, optimization: { disableSnapshot: true, target: 'web' as const } },
    shareStrategy: 'loaded-first' as const,
  };
}

export function widgetRsbuildConfig(options: WidgetRsbuildOptions): RsbuildConfig {
  const { widget, distPath, mode } = options;
  return {
    root: widget.root,
    mode,
    logLevel: 'warn',
    source: { entry: {} },
    // TypeScript's NodeNext style: `./Page.js` in source means `./Page.tsx`.
    // The remote is never served by rsbuild's dev server; the registry and `cunmen dev` set CORS.
    server: { cors: { origin: [] } },
    // Modules used by several exposes (strings, helpers) go to shared async chunks instead of a copy
    // per expose — one chunk per set of exposes that use them, not one for all: the home tile then
    // loads only what it imports, not every module the page and the cadre view share (issue #16).
    // React and the SDK never appear here (shared singletons).
    performance: {
      chunkSplit: {
        strategy: 'custom',
        splitChunks: {
          chunks: 'async',
          minSize: 0,
          cacheGroups: { shared: { minChunks: 2, priority: 10, reuseExistingChunk: true } },
        },
      },
    },
    tools: { htmlPlugin: false, rspack: { resolve: { extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } } } },
    output: {
      target: 'web',
      distPath: { root: distPath },
      assetPrefix: 'auto',
      cleanDistPath: true,
      filenameHash: true,
      minify: options.minify ?? mode === 'production',
      sourceMap: false,
      polyfill: 'off',
      legalComments: 'none',
      overrideBrowserslist: [...BROWSER_TARGETS],
    },
    // Chunks load relative to remoteEntry.js wherever it is served (dev server, registry, CDN).
    dev: { hmr: false, liveReload: false, writeToDisk: true, assetPrefix: 'auto' },
    plugins: [
      pluginReact({ fastRefresh: false }),
      pluginModuleFederation(moduleFederationOptions(widget)),
      ...(options.plugins ?? []),
    ],
  };
}
