/**
 * `buildWidget`: checks the package, bundles it into a temporary directory, hashes every asset, checks
 * the exposes and the size budget, and only then replaces `dist/` — a failed build writes nothing.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import {
  type BuiltManifest,
  DEFAULT_BUDGET_GZIP,
  type ManifestIssue,
  validateBuiltManifest,
} from '@cunmen/manifest';
import { createRsbuild, type RsbuildPlugin } from '@rsbuild/core';
import { describeAssets } from './assets.js';
import { loadConfigSchema } from './config-schema.js';
import { WidgetBuildError } from './errors.js';
import { exposeAssetsOf, homeRouteGzip } from './expose-assets.js';
import { MF_MANIFEST, REMOTE_ENTRY, widgetRsbuildConfig } from './rsbuild-plugin.js';
import { sharedRanges } from './shared.js';
import { loadWidgetPackage, remoteName, type WidgetPackage } from './widget-package.js';

export const BUILT_MANIFEST = 'cunmen.json';
/** Build-time statistics the MF plugin writes; not needed at run time, so not shipped. */
const MF_STATS = ['mf-stats.json', 'mf-manifest-stats.json'];

const require = createRequire(import.meta.url);
const versionOf = (name: string): string => (require(`${name}/package.json`) as { version: string }).version;

export interface BuildWidgetOptions {
  root: string;
  /** Relative to root; default `dist`. */
  outDir?: string;
}

export type BuildOutcome =
  | { ok: true; manifest: BuiltManifest; outDir: string }
  | { ok: false; issues: ManifestIssue[] };

function exposesIssues(dir: string, widget: WidgetPackage): ManifestIssue[] {
  const file = join(dir, MF_MANIFEST);
  if (!existsSync(file))
    return [
      {
        path: 'exposes',
        en: `exposes: the build produced no ${MF_MANIFEST}`,
        zh: `exposes：构建没有生成 ${MF_MANIFEST}`,
      },
    ];
  const mf = JSON.parse(readFileSync(file, 'utf8')) as { exposes?: { path: string }[] };
  const built = new Set((mf.exposes ?? []).map((e) => e.path));
  const declared = Object.keys(widget.manifest.exposes);
  const issues: ManifestIssue[] = [];
  for (const key of declared) {
    if (!built.has(key))
      issues.push({
        path: `exposes.${key}`,
        en: `exposes.${key}: declared in widget.json but missing from the built remote`,
        zh: `exposes.${key}：widget.json 中声明了，但构建产物中没有`,
      });
  }
  for (const key of built) {
    if (!declared.includes(key))
      issues.push({
        path: `exposes.${key}`,
        en: `exposes.${key}: exposed by the remote but not declared in widget.json`,
        zh: `exposes.${key}：远程模块暴露了它，但 widget.json 没有声明`,
      });
  }
  return issues;
}

/**
 * Reads the bundle in `dir` and produces (and checks) the final manifest. With `write: false` (the
 * CLI's validate) nothing on disk is touched.
 */
export async function describeBuild(
  dir: string,
  widget: WidgetPackage,
  options: { write?: boolean } = {},
): Promise<{ ok: true; manifest: BuiltManifest } | { ok: false; issues: ManifestIssue[] }> {
  const issues = exposesIssues(dir, widget);
  const config = await loadConfigSchema(widget.root, widget.manifest.config);
  if (!config.ok) issues.push(...config.issues);
  if (issues.length > 0 || !config.ok) return { ok: false, issues };

  if (options.write !== false) for (const file of MF_STATS) rmSync(join(dir, file), { force: true });
  const assets = describeAssets(dir, [BUILT_MANIFEST]);
  const js = assets.filter((a) => a.path.endsWith('.js'));
  const exposeAssets = exposeAssetsOf(dir, MF_MANIFEST, assets);
  const home = homeRouteGzip(widget.manifest, REMOTE_ENTRY, exposeAssets, assets);
  const candidate = {
    manifestVersion: 1,
    ...widget.manifest,
    name: widget.pkg.name,
    version: widget.pkg.version,
    budget: widget.manifest.budget ?? { gzip: DEFAULT_BUDGET_GZIP },
    remote: { name: remoteName(widget.pkg.name), entry: REMOTE_ENTRY, manifest: MF_MANIFEST },
    shared: sharedRanges(widget.pkg, widget.manifest.sdk),
    configSchema: config.schema,
    configDefaults: config.defaults,
    assets,
    exposeAssets,
    size: {
      jsGzip: js.reduce((n, a) => n + a.gzip, 0),
      totalGzip: assets.reduce((n, a) => n + a.gzip, 0),
      total: assets.reduce((n, a) => n + a.size, 0),
      ...(home === null ? {} : { home }),
    },
    builtWith: { '@cunmen/build': versionOf('@cunmen/build'), '@rsbuild/core': versionOf('@rsbuild/core') },
  };
  const { $schema: _ignored, ...withoutSchema } = candidate;
  const checked = validateBuiltManifest(withoutSchema);
  return checked.ok ? { ok: true, manifest: checked.value } : { ok: false, issues: checked.issues };
}

async function bundle(
  widget: WidgetPackage,
  distPath: string,
  minify: boolean,
  plugins: RsbuildPlugin[] = [],
) {
  // Always production mode: the shell's React is a production build, and a development-mode remote
  // would call the development JSX runtime against it.
  return createRsbuild({
    cwd: widget.root,
    rsbuildConfig: widgetRsbuildConfig({ widget, distPath, mode: 'production', minify, plugins }),
  });
}

/** One production build; throws nothing for bad input — problems come back as issues. */
export async function buildWidget(options: BuildWidgetOptions): Promise<BuildOutcome> {
  const root = resolve(options.root);
  const loaded = loadWidgetPackage(root);
  if (!loaded.ok) return loaded;
  const widget = loaded.widget;
  const outDir = resolve(root, options.outDir ?? 'dist');
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  try {
    const rsbuild = await bundle(widget, tmp, true);
    try {
      const result = await rsbuild.build();
      await result.close();
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      return {
        ok: false,
        issues: [
          { path: 'build', en: `build: the bundler failed: ${reason}`, zh: `build：打包失败：${reason}` },
        ],
      };
    }
    const described = await describeBuild(tmp, widget);
    if (!described.ok) return described;
    writeFileSync(join(tmp, BUILT_MANIFEST), `${JSON.stringify(described.manifest, null, 2)}\n`);
    rmSync(outDir, { recursive: true, force: true });
    renameSync(tmp, outDir);
    return { ok: true, manifest: described.manifest, outDir };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

export interface WatchWidgetOptions {
  root: string;
  outDir: string;
  onBuild(outcome: BuildOutcome): void;
}

/**
 * Development: rebuilds on every change into `outDir` and reports each outcome (a budget overrun is
 * reported, not fatal, so the developer keeps working). Returns a function that stops watching.
 */
export async function watchWidget(options: WatchWidgetOptions): Promise<{ close(): Promise<void> }> {
  const root = resolve(options.root);
  const loaded = loadWidgetPackage(root);
  if (!loaded.ok) throw new WidgetBuildError(loaded.issues);
  const widget = loaded.widget;
  const outDir = resolve(root, options.outDir);
  const reporter: RsbuildPlugin = {
    name: 'cunmen:watch-reporter',
    setup(api) {
      api.onAfterBuild(async ({ stats }) => {
        if (stats?.hasErrors()) {
          const text = stats.toString({ all: false, errors: true }).trim();
          options.onBuild({
            ok: false,
            issues: [{ path: 'build', en: `build: ${text}`, zh: `build：${text}` }],
          });
          return;
        }
        const described = await describeBuild(outDir, widget);
        if (described.ok)
          writeFileSync(join(outDir, BUILT_MANIFEST), `${JSON.stringify(described.manifest, null, 2)}\n`);
        options.onBuild(described.ok ? { ok: true, manifest: described.manifest, outDir } : described);
      });
    },
  };
  // Minified like production, so the size against the budget means the same in dev as in build.
  const rsbuild = await bundle(widget, outDir, true, [reporter]);
  const result = await rsbuild.build({ watch: true });
  return { close: () => result.close() };
}
