/**
 * Issuing widget credentials (see ../page-tickets.ts for why a page-load ticket):
 *
 * - `POST /widget-tokens {village}`: the boot code exchanges the page load's ticket cookie for the
 *   credentials of every widget in the village's CURRENT snapshot, each bound to its widget version, the
 *   capabilities the snapshot GRANTS it and the signed-in user — or nobody, when nobody is signed in, a
 *   role still owes its second factor, or the user's division does not cover the village. Single use:
 *   `SHELL_ERR_TICKET_REQUIRED` without a ticket for the village, `SHELL_ERR_TICKET_USED` for a used,
 *   expired or forged one; nothing is issued then.
 * - `POST /widget-token` with `authorization: Bearer <credential>`: renews the credential a widget holds
 *   (also within 12 hours after it expired) for the same widget, version and user, when the session
 *   still belongs to that user. Asking by widget name (the old `{village, widget, version}` body) is
 *   `SHELL_ERR_TICKET_REQUIRED`, except where the shell enables it (`mintByName`, the staff console).
 *
 * Both ride on the session cookie, so only the shell's own pages may ask: JSON only, `Sec-Fetch-Site`
 * same-origin and `Origin` the shell's own when sent. Rate-limited per account (a whole village may
 * share one NAT address).
 */
import type { AuditLog } from '@cunmen/audit-log';
import { parseWith } from '@cunmen/errors';
import { WIDGET_TOKEN_PATH, WIDGET_TOKENS_PATH } from '@cunmen/host-api';
import type { Capability } from '@cunmen/manifest';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { shellError, shellErrors } from '../../errors.js';
import { recordCredentialIssued } from '../../identity/audit-events.js';
import { canActOn, MFA_ROLES } from '../../identity/roles.js';
import { type HostRoutesContext, tooMany } from '../context.js';
import type { WidgetCredentials } from '../credentials.js';
import { hostUser } from '../host-user.js';
import { clearTicket, readTicket, ticketCookies } from '../page-tickets.js';
import { mintToken, TOKEN_TTL_MS, verifyToken } from '../token.js';
import { mintByNameRoute } from './credentials-by-name.js';
import { sameOrigin } from './same-origin.js';

const RENEW_GRACE_MS = 12 * 3600_000;
const exchangeBody = z.object({ village: z.string().min(1).max(32) }).strict();

export interface CredentialRoutesContext extends HostRoutesContext {
  credentials: WidgetCredentials;
  key: Buffer;
  publicUrl?: string;
  secureCookies: boolean;
  /** Accept `{village, widget, version}` at `widget-token` (the staff console, until its realms split). */
  mintByName: boolean;
  audit: AuditLog;
}

/**
 * The signed-in user a credential for `village` is bound to: nobody when a role still owes its second
 * factor or the user's division does not cover the village.
 */
export function credentialUser(request: FastifyRequest, village: string) {
  const id = request.identity;
  if (!id || (MFA_ROLES.has(id.user.role) && !id.session.mfaPassed)) return null;
  return canActOn(id.user.division, village) ? id.user : null;
}

export function issue(
  key: Buffer,
  claims: {
    village: string;
    widget: string;
    version: string;
    capabilities: Capability[];
    user: number | null;
  },
) {
  const iat = Date.now();
  const exp = iat + TOKEN_TTL_MS;
  return { token: mintToken(key, { ...claims, iat, exp }), expiresAt: new Date(exp).toISOString() };
}

export function credentialRoutes(open: FastifyInstance, ctx: CredentialRoutesContext): void {
  const guard = sameOrigin(ctx.publicUrl ? new URL(ctx.publicUrl).origin : null);
  const rateLimit = {
    max: ctx.limits.tokensPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) =>
      request.identity ? `u${request.identity.user.id}` : `ip${request.ip}`,
    errorResponseBuilder: (_request: FastifyRequest, limit: { ttl: number }) => tooMany(limit.ttl),
  };
  const options = { onRequest: guard, config: { rateLimit } };

  open.post(WIDGET_TOKENS_PATH, options, async (request, reply) => {
    const { village } = parseWith(exchangeBody, request.body ?? {}, shellErrors, 'SHELL_ERR_BAD_REQUEST');
    const now = Date.now();
    const forVillage = ticketCookies(request)
      .map((cookie) => ({ cookie, claims: readTicket(ctx.key, cookie.value) }))
      .filter(({ claims }) => claims === null || claims.village === village);
    if (forVillage.length === 0) {
      throw shellError(
        'SHELL_ERR_TICKET_REQUIRED',
        `no page load ticket for village ${village}; reload the page`,
      );
    }
    let used: (typeof forVillage)[number] | undefined;
    for (const candidate of forVillage) {
      const { claims } = candidate;
      if (claims && claims.exp > now && (await ctx.host.useTicket(claims.id, claims.exp, now))) {
        used = candidate;
        break;
      }
    }
    // Every ticket for the village is spent now (used, expired or forged): clear them all.
    for (const { cookie } of forVillage) clearTicket(reply, cookie.name, ctx.secureCookies);
    if (!used) {
      throw shellError(
        'SHELL_ERR_TICKET_USED',
        `the page load ticket for village ${village} was already used`,
      );
    }
    const widgets = await ctx.credentials.portalWidgets(village);
    const user = credentialUser(request, village);
    const credentials: Record<string, { version: string; token: string; expiresAt: string }> = {};
    for (const [widget, granted] of widgets) {
      const { version, capabilities } = granted;
      const claims = { village, widget, version, capabilities, user: user?.id ?? null };
      credentials[widget] = { version: granted.version, ...issue(ctx.key, claims) };
    }
    if (user && widgets.size > 0) {
      await recordCredentialIssued(ctx.audit, {
        village,
        how: 'exchange',
        widgets: [...widgets].map(([widget, g]) => ({
          widget,
          version: g.version,
          capabilities: g.capabilities,
        })),
        user: user.name,
        ip: request.ip,
      });
    }
    reply.header('cache-control', 'no-store');
    return { credentials, user: user ? hostUser(user, ctx.publicUserId(user.id)) : null };
  });

  const byName = ctx.mintByName ? mintByNameRoute(ctx) : null;
  open.post(WIDGET_TOKEN_PATH, options, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const bearer = /^Bearer ([A-Za-z0-9._-]{1,4096})$/.exec(request.headers.authorization ?? '');
    if (!bearer) {
      if (byName) return byName(request);
      throw shellError(
        'SHELL_ERR_TICKET_REQUIRED',
        `a widget gets its credential from the page load (${WIDGET_TOKENS_PATH}), or renews the one it holds`,
      );
    }
    const check = verifyToken(ctx.key, bearer[1] as string, Date.now(), RENEW_GRACE_MS);
    if (!check.ok) {
      throw shellError('SHELL_ERR_TOKEN_INVALID', 'only a credential this shell issued can be renewed');
    }
    const { village, widget, version, user } = check.claims;
    const granted = (await ctx.credentials.portalWidgets(village)).get(widget);
    if (!granted || granted.version !== version) {
      throw shellError(
        'SHELL_ERR_TOKEN_EXPIRED',
        `the portal of ${village} no longer has ${widget}@${version}`,
        {
          widget,
        },
      );
    }
    // The session must still be the credential's user (or nobody for an anonymous credential).
    if ((credentialUser(request, village)?.id ?? null) !== user) {
      throw shellError('SHELL_ERR_TOKEN_INVALID', "the session is no longer the credential's user; reload", {
        zh: '登录状态已变化，请刷新页面后重试',
      });
    }
    const renewed = issue(ctx.key, { village, widget, version, capabilities: granted.capabilities, user });
    const holder = request.identity?.user;
    if (user !== null && holder) {
      await recordCredentialIssued(ctx.audit, {
        village,
        how: 'renew',
        widgets: [{ widget, version, capabilities: granted.capabilities }],
        user: holder.name,
        ip: request.ip,
      });
    }
    return renewed;
  });
}
