/**
 * What the matrix expects of one actor calling one route on one origin: allowed (any answer but the
 * refusals 401/403), or refused with an exact code. Sessions count only on the origin they belong to
 * (residents on theirs, staff on the console); the operator token is not a session.
 */
import type { Actor } from './actors.js';
import type { Rule } from './table.js';

export type Origin = 'resident' | 'console' | 'frame';

export type Expectation = { allowed: true } | { allowed: false; code: string };

const refused = (code: string): Expectation => ({ allowed: false, code });

export function expectationFor(routeRule: Rule, actor: Actor, origin: Origin): Expectation {
  const rule = routeRule.onOrigin?.[origin] ?? routeRule;
  if (actor.kind === 'operator' && rule.operatorRefused) return refused(rule.operatorRefused);
  if (rule.who === 'anyone') return { allowed: true };
  // A page load's ticket cookie alone: nothing the matrix's actors hold.
  if (rule.who === 'ticket') return refused('SHELL_ERR_TICKET_REQUIRED');
  // Only the widget credential opens these: a cookie or the operator token is no credential.
  if (rule.who === 'credential') {
    return refused(
      actor.kind === 'operator'
        ? 'SHELL_ERR_TOKEN_INVALID'
        : (rule.withoutCredential ?? 'SHELL_ERR_TOKEN_INVALID'),
    );
  }
  if (actor.kind === 'operator') return rule.operator ? { allowed: true } : refused('SHELL_ERR_UNAUTHORIZED');
  const sessionHere =
    actor.kind === 'user' && origin !== 'frame' && (actor.role === 'resident') === (origin === 'resident');
  if (!sessionHere || !actor.role) return refused('SHELL_ERR_UNAUTHORIZED');
  if (rule.who === 'session') return { allowed: true };
  if (!rule.who.includes(actor.role)) return refused('SHELL_ERR_FORBIDDEN');
  if (rule.scoped && actor.side === 'other') return refused('SHELL_ERR_FORBIDDEN');
  return { allowed: true };
}

/** `/api/portals/:village/widgets/:scope/:pkg` with the matrix's values for its parameters. */
export function fillPath(url: string): string {
  const values: Record<string, string> = {
    village: '330521107201',
    name: 'find-machinery',
    scope: '@deqing',
    pkg: 'find-machinery',
    id: '1',
    aid: '1',
    collection: 'bookings',
    formId: 'booking',
    // 党建 (party-building): its branches, members, meetings and posts.
    branch: '1',
    member: '1',
    meeting: '1',
    post: '1',
  };
  return url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the matrix has no value for :${name} in ${url}`);
    return encodeURIComponent(value);
  });
}
