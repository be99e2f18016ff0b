/**
 * What every host-API route shares: the server's limits, the verified caller of a call, the refusals of
 * the contract (`@cunmen/host-api`'s `refusals`) thrown as `SHELL` errors, and `hostRoute`, which
 * registers a route of the contract's table with the capability it needs. The scope's `onRequest` hook
 * (plugin.ts) checks the credential and that capability before the body is read.
 */

import { randomBytes } from 'node:crypto';
import type { CunmenError } from '@cunmen/errors';
import {
  checkCollection,
  checkKnownFields,
  HOST_ROUTES,
  type HostRouteName,
  MAX_DOC_BYTES,
  MAX_MEDIA_BYTES,
  type Problem,
  type Refusal,
  refusals,
} from '@cunmen/host-api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { shellErrors } from '../errors.js';
import { canActOn } from '../identity/roles.js';
import type { IdentityUser } from '../identity/store.js';
import type { PointsQueue } from '../modules/points-queue.js';
import type { HostDoc, HostDocScope, HostStorage } from '../storage/types.js';
import type { HostCall } from './credentials.js';

export interface HostLimits {
  /** One document's JSON, and one form submission's. */
  docBytes: number;
  /** Documents of one widget in one village, all collections together. */
  docsPerWidget: number;
  bytesPerWidget: number;
  /** One uploaded photo. */
  mediaBytes: number;
  /** All photos of one widget in one village. */
  mediaPerWidget: number;
  /** Per widget, village and user (or address when anonymous), per minute. */
  submissionsPerMinute: number;
  writesPerMinute: number;
  uploadsPerMinute: number;
  /** Per signed-in user, or per address when anonymous, per minute. */
  tokensPerMinute: number;
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  docBytes: MAX_DOC_BYTES,
  docsPerWidget: 10_000,
  bytesPerWidget: 10 * 1024 * 1024,
  mediaBytes: MAX_MEDIA_BYTES,
  mediaPerWidget: 100 * 1024 * 1024,
  submissionsPerMinute: 10,
  writesPerMinute: 60,
  uploadsPerMinute: 20,
  tokensPerMinute: 120,
};

/** What the route files get from the plugin. */
export interface HostRoutesContext {
  host: HostStorage;
  limits: HostLimits;
  /** An opaque, stable id for a user: widgets never see the account's row id or login name. */
  publicUserId(id: number): string;
  /** 积分制's claim queue, where points requests go; null when the shell does not mount the module. */
  points: PointsQueue | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    hostCall: HostCall | null;
  }
  interface FastifyContextConfig {
    /** The capability a host-API route needs (from `HOST_ROUTES`). */
    capability?: string;
  }
}

/** A contract refusal as the `SHELL` error the server answers with. */
export function refuse(refusal: Refusal): CunmenError {
  const { code, ...detail } = refusal;
  return shellErrors.error(code, detail);
}

/** Throws the 400 for a problem one of the contract's checks found. */
export function check(problem: Problem | undefined): void {
  if (problem) throw refuse(refusals.invalid(problem));
}

export function callOf(request: FastifyRequest): HostCall {
  const call = request.hostCall;
  if (!call) throw shellErrors.error('SHELL_ERR_TOKEN_INVALID', { en: 'no widget credential' });
  return call;
}

/**
 * The user a write acts as: signed in, and of a division that covers the credential's village (checked on
 * every write, not only when the credential was issued: an account may have moved since).
 */
export function signedIn(call: HostCall): IdentityUser {
  if (!call.user) throw refuse(refusals.signInRequired());
  inDivision(call);
  return call.user;
}

/** Refuses a call whose signed-in user's division does not cover the credential's village. */
export function inDivision(call: HostCall): void {
  if (call.user && !canActOn(call.user.division, call.village)) {
    throw refuse(refusals.outsideDivision(call.user.division, call.village));
  }
}

/** Staff who may change any document of a widget in their villages (residents change their own). */
const STAFF_ROLES = new Set<IdentityUser['role']>([
  'village-cadre',
  'township-staff',
  'county-admin',
  'province-maintainer',
]);

export function isStaff(user: IdentityUser, village: string): boolean {
  return STAFF_ROLES.has(user.role) && canActOn(user.division, village);
}

/** The rate limit's refusal, with the wait in it. */
export function tooMany(ttlMs: number): CunmenError {
  return shellErrors.error('SHELL_ERR_RATE_LIMITED', {
    en: `too many requests; try again in ${Math.ceil(ttlMs / 1000)} s`,
  });
}

/** A route config limiting calls per widget, village and user (or address when anonymous). */
export function limited(max: number) {
  return {
    rateLimit: {
      max,
      timeWindow: 60_000,
      keyGenerator: (request: FastifyRequest) => {
        const call = request.hostCall;
        const who = call?.user ? `u${call.user.id}` : `ip${request.ip}`;
        return `${call?.village}|${call?.widget}|${who}`;
      },
      errorResponseBuilder: (_request: FastifyRequest, ctx: { ttl: number }) => tooMany(ctx.ttl),
    },
  };
}

export function scopeOf(call: HostCall, collection: unknown): HostDocScope {
  check(checkCollection(collection));
  return { village: call.village, widget: call.widget, collection: collection as string };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** The JSON body, refused when it is not an object of the `allowed` fields. */
export function jsonBody(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (!isPlainObject(body)) {
    throw refuse({
      code: 'SHELL_ERR_INVALID_ARGUMENT',
      en: `(body): expected a JSON object with ${allowed.join(', ')}`,
      zh: '请求内容应为 JSON 对象',
      field: '(body)',
    });
  }
  check(checkKnownFields(body, allowed));
  return body;
}

/** The JSON text of `data`, refused when missing or over the limit. */
export function dataText(body: Record<string, unknown>, maxBytes: number): string {
  if (!('data' in body)) {
    throw refuse({
      code: 'SHELL_ERR_INVALID_ARGUMENT',
      en: 'data: missing; send { "data": … }',
      zh: '缺少 data 字段',
      field: 'data',
    });
  }
  const text = JSON.stringify(body.data);
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxBytes) throw refuse(refusals.docTooLarge(size, maxBytes));
  return text;
}

export function storedDoc(doc: HostDoc) {
  return {
    id: doc.id,
    data: JSON.parse(doc.data) as unknown,
    version: doc.version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

export function newId(): string {
  return randomBytes(16).toString('hex');
}

type Handler<P> = (request: FastifyRequest<{ Params: P }>, reply: FastifyReply) => Promise<unknown>;

/**
 * Registers the contract's route `name` (its method and path, relative to the scope's prefix) with the
 * capability it needs in its config, where the scope's `onRequest` hook reads it.
 */
export function hostRoute<P = Record<string, string>>(
  api: FastifyInstance,
  name: HostRouteName,
  options: { config?: Record<string, unknown>; bodyLimit?: number },
  handler: Handler<P>,
): void {
  const route = HOST_ROUTES[name];
  api.route<{ Params: P }>({
    method: route.method,
    url: route.path,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    config: { ...options.config, capability: route.capability },
    handler,
  });
}
