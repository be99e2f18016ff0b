/** One entry point per document: parse, localize every problem, never throw for bad input. */
import { z } from 'zod';
import { localizeError, type ManifestIssue } from './issues.js';
import { EXACT_VERSION } from './patterns.js';
import type { CountyScope } from './scopes.js';
import {
  type BuiltManifest,
  builtManifestSchema,
  checkPackageName,
  type WidgetManifest,
  widgetManifestSchema,
} from './widget-manifest.js';

export type Validation<T> = { ok: true; value: T; issues: [] } | { ok: false; issues: ManifestIssue[] };

/** Any zod schema, classic or zod/mini. */
export function validateWith<T>(schema: z.core.$ZodType<T>, input: unknown): Validation<T> {
  const result = z.safeParse(schema, input, { reportInput: true });
  return result.success
    ? { ok: true, value: result.data, issues: [] }
    : { ok: false, issues: localizeError(result.error) };
}

export interface WidgetPackageInfo {
  name?: unknown;
  version?: unknown;
}

/**
 * Validates a developer's `widget.json` together with its package.json: the manifest itself, then the
 * package name against the kind and county (scope ownership) and the version.
 */
export function validateWidgetManifest(
  input: unknown,
  pkg: WidgetPackageInfo,
  scopes?: readonly CountyScope[],
): Validation<WidgetManifest & { name: string; version: string }> {
  const parsed = validateWith(widgetManifestSchema, input);
  const issues: ManifestIssue[] = parsed.ok ? [] : [...parsed.issues];
  const name = typeof pkg.name === 'string' ? pkg.name : '';
  const version = typeof pkg.version === 'string' ? pkg.version : '';
  if (parsed.ok) {
    const nameIssue = checkPackageName(name, parsed.value, scopes);
    if (nameIssue) issues.push(nameIssue);
  }
  if (!EXACT_VERSION.regex.test(version)) {
    issues.push({
      path: 'version',
      en: `version: "${version}" in package.json is not a semver version such as 1.0.0`,
      zh: `version：package.json 中的 "${version}" 不是 semver 版本号（如 1.0.0）`,
    });
  }
  if (!parsed.ok || issues.length > 0) return { ok: false, issues };
  return { ok: true, value: { ...parsed.value, name, version }, issues: [] };
}

export function validateBuiltManifest(
  input: unknown,
  scopes?: readonly CountyScope[],
): Validation<BuiltManifest> {
  const parsed = validateWith(builtManifestSchema, input);
  if (!parsed.ok) return parsed;
  const nameIssue = checkPackageName(parsed.value.name, parsed.value, scopes);
  return nameIssue ? { ok: false, issues: [nameIssue] } : parsed;
}
