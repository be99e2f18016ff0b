/**
 * County publisher scopes: each county publishes under exactly one npm scope (`@deqing` ↔ 330521).
 * The registry keeps the authoritative table (set with `user add --scope`); this list is what the CLI
 * knows offline for the demo province and the province's own scope.
 */
import { z } from 'zod';

export const PROVINCE_SCOPE = '@cunmen';

export interface CountyScope {
  scope: string;
  county: string;
  name: string;
}

export const KNOWN_COUNTY_SCOPES: readonly CountyScope[] = [
  { scope: '@deqing', county: '330521', name: '德清县' },
  { scope: '@anji', county: '330523', name: '安吉县' },
  { scope: '@yiyuan', county: '370323', name: '沂源县' },
  { scope: '@yishui', county: '371323', name: '沂水县' },
];

export const scopeSchema = z.string().regex(/^@[a-z0-9][a-z0-9-]{0,38}$/, 'an npm scope such as @deqing');

/** `@deqing/find-machinery` → `@deqing`; null for an unscoped name. */
export function scopeOf(packageName: string): string | null {
  const m = /^(@[^/]+)\//.exec(packageName);
  return m?.[1] ?? null;
}

export type ScopeCheck = { ok: true } | { ok: false; en: string; zh: string };

/**
 * Checks that a package's scope belongs to the county it claims. Unknown scopes pass here (the registry
 * decides with its own table); a known scope bound to another county fails.
 */
export function checkScopeForCounty(
  packageName: string,
  county: string,
  scopes: readonly CountyScope[] = KNOWN_COUNTY_SCOPES,
): ScopeCheck {
  const scope = scopeOf(packageName);
  if (scope === null) {
    return {
      ok: false,
      en: `"${packageName}" has no scope; expected @<county>/<name>`,
      zh: `"${packageName}" 缺少作用域，应为 @县名/组件名`,
    };
  }
  if (scope === PROVINCE_SCOPE) return { ok: true };
  const byScope = scopes.find((s) => s.scope === scope);
  if (byScope && byScope.county !== county) {
    return {
      ok: false,
      en: `scope ${scope} belongs to county ${byScope.county} (${byScope.name}), not ${county}`,
      zh: `作用域 ${scope} 属于 ${byScope.name}（${byScope.county}），不属于 ${county}`,
    };
  }
  const byCounty = scopes.find((s) => s.county === county);
  if (!byScope && byCounty) {
    return {
      ok: false,
      en: `county ${county} (${byCounty.name}) publishes under ${byCounty.scope}, not ${scope}`,
      zh: `${byCounty.name}（${county}）的作用域是 ${byCounty.scope}，不是 ${scope}`,
    };
  }
  return { ok: true };
}
