/**
 * Who is calling a module route. The shell verifies the widget credential (bound to one village, one
 * version of the module's own package, the capabilities granted at review and the signed-in user, or
 * nobody) before any module code runs; the module reads the result with `callerOf(request)` and decides
 * by role and division code — authority flows down the code prefix (DESIGN.md "Users").
 */
import { isWithinDivision } from '@cunmen/manifest';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthenticated } from './errors.js';

/** The roles of DESIGN.md "Users": the shell's identity uses this list (shell/server/src/identity/roles.ts). */
export const MODULE_ROLES = [
  'province-maintainer',
  'county-developer',
  'county-admin',
  'township-staff',
  'village-cadre',
  'supervisor',
  'merchant',
  'resident',
] as const;

export type ModuleRole = (typeof MODULE_ROLES)[number];

export interface ModuleUser {
  id: number;
  /** The sign-in name (unique); used as the audit actor. */
  name: string;
  displayName: string;
  role: ModuleRole;
  /** The division the account is scoped to: 12 digits for village roles, 9 township, 6 county/province. */
  division: string;
  /** The resident's household number, when the account is a resident's. */
  household: string | null;
}

export interface ModuleCaller {
  /** The village whose portal the widget runs in (12-digit code). */
  village: string;
  widget: string;
  version: string;
  /** The signed-in user; null for an anonymous visitor of the portal. */
  user: ModuleUser | null;
  ip: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    moduleCaller: ModuleCaller | null;
  }
}

/** The verified caller, or a 401 when the request carried no credential. */
export function callerOf(request: FastifyRequest): ModuleCaller {
  const caller = request.moduleCaller;
  if (!caller) throw unauthenticated();
  return caller;
}

/** The signed-in user, or a 401. */
export function userOf(request: FastifyRequest): ModuleUser {
  const user = callerOf(request).user;
  if (!user) throw unauthenticated();
  return user;
}

export function canActOn(scope: string, code: string): boolean {
  return isWithinDivision(scope, code);
}

/** The user must hold one of `roles` and their division must cover `code`; otherwise a 403. */
export function requireRole(user: ModuleUser, roles: readonly ModuleRole[], code: string): void {
  if (!roles.includes(user.role)) {
    throw forbidden(
      `role ${user.role} may not do this; it needs one of ${roles.join(', ')}`,
      '您的账号没有这项操作的权限',
    );
  }
  if (!canActOn(user.division, code)) {
    throw forbidden(
      `${user.name} (division ${user.division}) may not act on ${code}`,
      '您无权处理其他地区的事项',
    );
  }
}
