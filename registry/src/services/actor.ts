/**
 * Who acts, what they may do, and the record of what they did. Every service that changes something
 * ends with {@link recordActivity}: one audit entry and, when readers now see the package differently,
 * its catalog entry rebuilt — so no route has to remember either.
 */
import { scopeOf } from '@cunmen/manifest';
import { regError } from '../errors.js';
import type { Storage, User } from '../storage/types.js';

export interface Actor {
  /** The user acting, or null for an operator command run on the server. */
  user: User | null;
  /** The client address (`local` for an operator command). */
  ip?: string;
}

/** An operator at the server's console: every check of a role passes, the audit log says `operator`. */
export const OPERATOR: Actor = { user: null, ip: 'local' };

export function actorName(actor: Actor): string {
  return actor.user?.name ?? 'operator';
}

export function requireProvince(actor: Actor, what: string): void {
  if (actor.user !== null && actor.user.role !== 'province') {
    throw regError(
      'REG_ERR_FORBIDDEN',
      `only a province user can ${what}; "${actor.user.name}" is a ${actor.user.role} user`,
    );
  }
}

/** Who may change an approved version's state: the province, or the county that owns its scope. */
export function requireOwnerOrProvince(actor: Actor, name: string, what: string): void {
  const user = actor.user;
  if (user === null || user.role === 'province') return;
  const scope = scopeOf(name);
  if (user.scope !== scope) {
    throw regError(
      'REG_ERR_FORBIDDEN_SCOPE',
      `a token for scope ${user.scope ?? '(none)'} cannot ${what} ${name}`,
    );
  }
}

export interface Activity {
  /** `version.publish`, `dist-tag.add`, `token.create` … */
  action: string;
  /** `@deqing/x@1.0.0`, `@deqing/x`, `user:dq`, `village:330521001001` */
  subject: string;
  detail?: Record<string, unknown>;
  /** The package whose catalog entry the action changed, to be rebuilt. */
  reindex?: string;
}

export async function recordActivity(storage: Storage, actor: Actor, activity: Activity): Promise<void> {
  await storage.audit.append({
    actor: actorName(actor),
    action: activity.action,
    subject: activity.subject,
    ...(activity.detail === undefined ? {} : { detail: activity.detail }),
    ip: actor.ip,
  });
  if (activity.reindex !== undefined) await storage.catalog.reindex(activity.reindex);
}
