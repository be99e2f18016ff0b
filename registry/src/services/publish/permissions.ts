/** Publish step 2: the token's user may publish into the package's scope. */
import { scopeOf } from '@cunmen/manifest';
import { regError } from '../../errors.js';
import type { User } from '../../storage/types.js';

/** The package's scope, when it is the user's; refuses a package without a scope or in another one. */
export function checkPublishScope(user: User, name: string): string {
  const scope = scopeOf(name);
  if (scope === null) {
    throw regError(
      'REG_ERR_FORBIDDEN_SCOPE',
      `"${name}" has no scope; widgets are published as @<scope>/<name>`,
    );
  }
  if (user.scope !== scope) {
    throw regError(
      'REG_ERR_FORBIDDEN_SCOPE',
      user.scope === null
        ? `user "${user.name}" has no publishing scope and cannot publish to scope ${scope}`
        : `a token for scope ${user.scope} cannot publish to scope ${scope}`,
    );
  }
  return scope;
}
