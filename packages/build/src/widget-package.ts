/**
 * Reads a widget package (package.json + widget.json) and checks it before any bundling: the manifest
 * schema, scope ↔ county, and that every exposed module exists on disk.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type ManifestIssue, validateWidgetManifest, type WidgetManifest } from '@cunmen/manifest';

export interface WidgetPackageJson {
  name: string;
  version: string;
  peerDependencies?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [key: string]: unknown;
}

export interface WidgetPackage {
  root: string;
  pkg: WidgetPackageJson;
  manifest: WidgetManifest & { name: string; version: string };
}

export type LoadResult = { ok: true; widget: WidgetPackage } | { ok: false; issues: ManifestIssue[] };

function readJson(
  file: string,
  label: string,
): { ok: true; value: unknown } | { ok: false; issue: ManifestIssue } {
  if (!existsSync(file)) {
    return {
      ok: false,
      issue: { path: label, en: `${label}: file not found at ${file}`, zh: `${label}：找不到文件 ${file}` },
    };
  }
  try {
    return { ok: true, value: JSON.parse(readFileSync(file, 'utf8')) };
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      ok: false,
      issue: {
        path: label,
        en: `${label}: not valid JSON (${reason})`,
        zh: `${label}：不是有效的 JSON（${reason}）`,
      },
    };
  }
}

export function loadWidgetPackage(root: string): LoadResult {
  const dir = resolve(root);
  const pkgJson = readJson(join(dir, 'package.json'), 'package.json');
  const widgetJson = readJson(join(dir, 'widget.json'), 'widget.json');
  const issues: ManifestIssue[] = [];
  if (!pkgJson.ok) issues.push(pkgJson.issue);
  if (!widgetJson.ok) issues.push(widgetJson.issue);
  if (!pkgJson.ok || !widgetJson.ok) return { ok: false, issues };

  const pkg = pkgJson.value as WidgetPackageJson;
  const checked = validateWidgetManifest(widgetJson.value, pkg ?? {});
  if (!checked.ok) return { ok: false, issues: checked.issues };
  const manifest = checked.value;

  for (const [key, file] of Object.entries(manifest.exposes)) {
    if (!existsSync(join(dir, file))) {
      issues.push({
        path: `exposes.${key}`,
        en: `exposes.${key}: module ${file} does not exist`,
        zh: `exposes.${key}：模块文件 ${file} 不存在`,
      });
    }
  }
  for (const [field, file] of [
    ['config', manifest.config],
    ['icon', manifest.icon],
  ] as const) {
    if (file !== undefined && !existsSync(join(dir, file))) {
      issues.push({
        path: field,
        en: `${field}: file ${file} does not exist`,
        zh: `${field}：文件 ${file} 不存在`,
      });
    }
  }
  manifest.screenshots?.forEach((file, i) => {
    if (!existsSync(join(dir, file))) {
      issues.push({
        path: `screenshots[${i}]`,
        en: `screenshots[${i}]: file ${file} does not exist`,
        zh: `screenshots[${i}]：文件 ${file} 不存在`,
      });
    }
  });
  return issues.length > 0 ? { ok: false, issues } : { ok: true, widget: { root: dir, pkg, manifest } };
}

/** The Module Federation container name: `@deqing/find-machinery` → `deqing_find_machinery`. */
export function remoteName(packageName: string): string {
  return packageName.replace(/^@/, '').replace(/[^A-Za-z0-9]+/g, '_');
}
