/**
 * `cunmen validate [dir]`: the manifest, scope ↔ county, exposed modules on disk, and — when a build
 * exists — the built remote (exposes, hashes, size budget) against the current widget.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILT_MANIFEST, describeBuild, loadWidgetPackage } from '@cunmen/build';
import type { BuiltManifest, ManifestIssue } from '@cunmen/manifest';
import { CliError, formatBytes, green, printIssues } from '../output.js';

export interface ValidateResult {
  name: string;
  version: string;
  built: BuiltManifest | null;
}

/** Validates without writing anything; throws CliError listing every problem. */
export async function validateWidget(dir: string, outDir = 'dist'): Promise<ValidateResult> {
  const root = resolve(dir);
  const loaded = loadWidgetPackage(root);
  if (!loaded.ok) throw new CliError(`${loaded.issues.length} problem(s) in ${root}`, 1, loaded.issues);
  const { widget } = loaded;
  const dist = join(root, outDir);
  if (!existsSync(join(dist, BUILT_MANIFEST)))
    return { name: widget.pkg.name, version: widget.pkg.version, built: null };

  const described = await describeBuild(dist, widget, { write: false });
  if (!described.ok)
    throw new CliError(`${described.issues.length} problem(s) in the build at ${dist}`, 1, described.issues);
  const recorded = JSON.parse(readFileSync(join(dist, BUILT_MANIFEST), 'utf8')) as BuiltManifest;
  const issues: ManifestIssue[] = [];
  const now = new Map(described.manifest.assets.map((a) => [a.path, a.integrity]));
  for (const asset of recorded.assets ?? []) {
    const actual = now.get(asset.path);
    if (actual === undefined)
      issues.push({
        path: `assets.${asset.path}`,
        en: `assets.${asset.path}: listed in ${BUILT_MANIFEST} but missing from ${outDir}/`,
        zh: `assets.${asset.path}：${BUILT_MANIFEST} 中列出但文件不存在`,
      });
    else if (actual !== asset.integrity)
      issues.push({
        path: `assets.${asset.path}`,
        en: `assets.${asset.path}: sha384 differs from ${BUILT_MANIFEST} (file changed after the build)`,
        zh: `assets.${asset.path}：sha384 与 ${BUILT_MANIFEST} 不一致（构建后被修改）`,
      });
  }
  for (const path of now.keys()) {
    if (!(recorded.assets ?? []).some((a) => a.path === path))
      issues.push({
        path: `assets.${path}`,
        en: `assets.${path}: file in ${outDir}/ is not listed in ${BUILT_MANIFEST}`,
        zh: `assets.${path}：文件未列入 ${BUILT_MANIFEST}`,
      });
  }
  if (recorded.version !== widget.pkg.version) {
    issues.push({
      path: 'version',
      en: `version: the build is ${recorded.version} but package.json says ${widget.pkg.version}; run cunmen build`,
      zh: `version：构建产物是 ${recorded.version}，package.json 是 ${widget.pkg.version}，请重新构建`,
    });
  }
  if (issues.length > 0) throw new CliError(`${issues.length} problem(s) in the build at ${dist}`, 1, issues);
  return { name: widget.pkg.name, version: widget.pkg.version, built: described.manifest };
}

export async function validateCommand(dir: string, options: { outDir?: string }): Promise<void> {
  const result = await validateWidget(dir, options.outDir);
  const build = result.built
    ? `build ok: ${result.built.assets.length} assets, ${formatBytes(result.built.size.jsGzip)} JS gzip of ${formatBytes(result.built.budget.gzip)} budget`
    : 'no build yet (run cunmen build to check the remote and its size)';
  process.stdout.write(`${green('✓')} ${result.name}@${result.version} is valid — ${build}\n`);
}

export { printIssues };
