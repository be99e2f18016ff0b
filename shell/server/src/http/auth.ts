/**
 * Who may use the admin API. For now one operator token (`--admin-token-file`): the caller sends
 * `Authorization: Bearer <token>` and acts as the operator, who holds every role. Sessions, OIDC and
 * TOTP for cadres, county and province staff come later and will set `request.actor` the same way;
 * routes already say which roles they need with `requireRole(...)`, so only `authenticate` changes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { shellError } from '../errors.js';
import { canActOn, MFA_ROLES } from '../identity/roles.js';

export type Role = 'village-cadre' | 'county-admin' | 'province-maintainer';

export interface Actor {
  name: string;
  kind: 'operator' | 'user';
  roles: readonly Role[];
  /** The division a signed-in user is scoped to; the operator has none (acts everywhere). */
  division?: string;
}

const ADMIN_ROLES: readonly string[] = ['village-cadre', 'county-admin', 'province-maintainer'];

const ALL_ROLES: readonly Role[] = ['village-cadre', 'county-admin', 'province-maintainer'];

const actors = new WeakMap<FastifyRequest, Actor>();

export function actorOf(request: FastifyRequest): Actor {
  const actor = actors.get(request);
  if (!actor) throw shellError('SHELL_ERR_UNAUTHORIZED', 'not signed in', { zh: '未登录' });
  return actor;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** An `onRequest` hook accepting the operator token; every request is refused when none is configured. */
export function authenticate(adminToken: string | undefined) {
  const expected = adminToken ? digest(adminToken) : null;
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    // A signed-in user (session cookie, see identity/) acts as themselves, within their division.
    const identity = request.identity;
    if (identity && !request.headers.authorization) {
      const { user, session } = identity;
      if (MFA_ROLES.has(user.role) && !session.mfaPassed) {
        throw shellError('SHELL_ERR_MFA_REQUIRED', 'this role needs its second factor (TOTP) first', {
          zh: '该角色需要先完成动态口令（二次验证）',
        });
      }
      actors.set(request, {
        name: user.name,
        kind: 'user',
        roles: ADMIN_ROLES.includes(user.role) ? [user.role as Role] : [],
        division: user.division,
      });
      return;
    }
    if (!expected) {
      throw shellError(
        'SHELL_ERR_UNAUTHORIZED',
        'the admin API is disabled: start the shell with --admin-token-file',
        { zh: '管理接口未启用：请以 --admin-token-file 启动平台' },
      );
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
    if (!m || !timingSafeEqual(digest(m[1] as string), expected)) {
      throw shellError(
        'SHELL_ERR_UNAUTHORIZED',
        'a valid operator token is required (Authorization: Bearer …)',
        {
          zh: '需要有效的管理令牌（Authorization: Bearer …）',
        },
      );
    }
    actors.set(request, { name: 'operator', kind: 'operator', roles: ALL_ROLES });
  };
}

/** A `preHandler` hook: the actor must hold one of `roles` (the operator holds all). */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest) => {
    const actor = actorOf(request);
    if (!roles.some((r) => actor.roles.includes(r))) {
      throw shellError('SHELL_ERR_FORBIDDEN', `this needs one of the roles ${roles.join(', ')}`, {
        zh: `需要以下角色之一：${roles.join('、')}`,
      });
    }
    // Authority flows down the division-code prefix: a cadre of one village never edits another.
    const village = (request.params as { village?: unknown } | undefined)?.village;
    if (actor.division !== undefined && typeof village === 'string' && !canActOn(actor.division, village)) {
      throw shellError('SHELL_ERR_FORBIDDEN', `${actor.name} (${actor.division}) cannot act on ${village}`, {
        zh: `无权操作辖区外的区划 ${village}`,
      });
    }
  };
}

/** The `host` (name and port) of a URL, or null when it is not one. */
export function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/**
 * Why a write riding on a session cookie is not proven to come from this origin's own pages, or null
 * when it is. The browser's own headers prove it (page scripts cannot set or read them): a foreign
 * `Sec-Fetch-Site` or `Origin` is refused outright; `Sec-Fetch-Site: same-origin` or an `Origin` of this
 * host suffices. Only a client that sends neither (not a current browser) must present the session's
 * CSRF token, which sign-in answers once and `GET /api/auth/me` no longer repeats to page scripts.
 */
export function cookieWriteProblem(request: FastifyRequest, csrfToken: string): string | null {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return `Sec-Fetch-Site: ${site}`;
  const origin = request.headers.origin;
  const ownHost = request.headers.host ?? '';
  if (origin !== undefined && hostOf(origin) !== ownHost) return `Origin: ${origin}`;
  if (site === 'same-origin' || origin !== undefined) return null;
  const token = request.headers['x-csrf-token'];
  return typeof token === 'string' && token === csrfToken ? null : 'no x-csrf-token of the session';
}
