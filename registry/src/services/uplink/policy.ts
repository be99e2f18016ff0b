/**
 * Which names may be asked of the uplink. A name the province or a county owns is never proxied, even
 * when nothing is published under it yet: otherwise anyone who publishes `@deqing/evil` (or
 * `@cunmen/cli@99.0.0`) on the public registry would have it installed in the province — dependency
 * confusion. Owned are the province scope, every scope of `KNOWN_COUNTY_SCOPES`, every scope given to an
 * account of this registry, and every package this registry holds a row for (pending versions included).
 */
import { KNOWN_COUNTY_SCOPES, PROVINCE_SCOPE, scopeOf } from '@cunmen/manifest';
import type { Storage } from '../../storage/types.js';

/**
 * npm's name rules for what it resolves: lower-case scopes, URL-safe characters, at most 214 in all.
 * Upper case is kept for names older than the rule (`JSONStream`); a scope never has it, so
 * `@DEQING/x` cannot slip past the scope checks below.
 */
const NPM_NAME = /^(?:@[a-z0-9~][a-z0-9._~-]*\/)?[A-Za-z0-9~][A-Za-z0-9._~-]*$/;

/** Why `name` is never asked of the uplink, or null when it may be. */
export async function whyNotProxied(storage: Storage, name: string): Promise<string | null> {
  if (name.length > 214 || !NPM_NAME.test(name)) return 'not an npm package name';
  const scope = scopeOf(name);
  if (scope === PROVINCE_SCOPE) return `${scope} is the province scope`;
  if (scope !== null && KNOWN_COUNTY_SCOPES.some((s) => s.scope === scope))
    return `${scope} is a county scope`;
  if (scope !== null && (await storage.accounts.isScopeAssigned(scope))) {
    return `${scope} belongs to an account of this registry`;
  }
  if (await storage.packages.getPackage(name)) return `${name} is published here`;
  return null;
}
