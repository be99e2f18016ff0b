/**
 * `POST /widget-token {village, widget, version}`: mints a 15-minute credential for a widget version in
 * the village's CURRENT snapshot, bound to the capabilities the snapshot GRANTS it and to the signed-in
 * user (or nobody; a role that still owes its second factor counts as nobody). It rides on the session
 * cookie, so only the shell's own pages may ask: JSON only, `Sec-Fetch-Site` same-origin and `Origin`
 * the shell's own when sent. Rate-limited per account (a whole village may share one NAT address).
 */
import { parseWith } from '@cunmen/errors';
import { WIDGET_TOKEN_PATH } from '@cunmen/host-api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { shellError, shellErrors } from '../../errors.js';
import { MFA_ROLES } from '../../identity/roles.js';
import { type HostRoutesContext, tooMany } from '../context.js';
import type { WidgetCredentials } from '../credentials.js';
import { mintToken, TOKEN_TTL_MS } from '../token.js';

const tokenBody = z
  .object({
    village: z.string().min(1).max(32),
    widget: z.string().min(1).max(214),
    version: z.string().min(1).max(64),
  })
  .strict();

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** The token request rides on the session cookie: only our own pages may make it. */
function sameOrigin(publicOrigin: string | null) {
  return async (request: FastifyRequest) => {
    const type = String(request.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(type)) {
      throw shellError('SHELL_ERR_CSRF', 'widget-token needs content-type: application/json', {
        zh: '请求格式不正确（需要 application/json），请刷新页面后重试',
      });
    }
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') {
      throw shellError('SHELL_ERR_CSRF', `widget-token is same-origin only (Sec-Fetch-Site: ${site})`, {
        zh: '只能从本平台的页面申请组件凭证',
      });
    }
    const origin = request.headers.origin;
    if (origin === undefined || origin === publicOrigin) return;
    const from = hostOf(origin);
    if (from === null || from !== hostOf(`http://${request.headers.host ?? ''}`)) {
      throw shellError('SHELL_ERR_CSRF', `widget-token is same-origin only (Origin: ${origin})`, {
        zh: '只能从本平台的页面申请组件凭证',
      });
    }
  };
}

export function credentialRoutes(
  open: FastifyInstance,
  ctx: HostRoutesContext & { credentials: WidgetCredentials; key: Buffer; publicUrl?: string },
): void {
  const publicOrigin = ctx.publicUrl ? new URL(ctx.publicUrl).origin : null;
  const rateLimit = {
    max: ctx.limits.tokensPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) =>
      request.identity ? `u${request.identity.user.id}` : `ip${request.ip}`,
    errorResponseBuilder: (_request: FastifyRequest, limit: { ttl: number }) => tooMany(limit.ttl),
  };
  open.post(
    WIDGET_TOKEN_PATH,
    { onRequest: sameOrigin(publicOrigin), config: { rateLimit } },
    async (request, reply) => {
      const { village, widget, version } = parseWith(
        tokenBody,
        request.body ?? {},
        shellErrors,
        'SHELL_ERR_BAD_REQUEST',
      );
      const granted = (await ctx.credentials.portalWidgets(village)).get(widget);
      if (!granted) {
        throw shellError(
          'SHELL_ERR_WIDGET_NOT_IN_PORTAL',
          `${widget} is not in the portal of village ${village}`,
          {
            zh: `村 ${village} 的门户中没有组件 ${widget}`,
            widget,
            field: 'widget',
          },
        );
      }
      if (granted.version !== version) {
        throw shellError(
          'SHELL_ERR_WIDGET_VERSION_MISMATCH',
          `village ${village} uses ${widget}@${granted.version}, not ${version}; reload the page`,
          {
            zh: `村 ${village} 使用的是 ${widget}@${granted.version}，不是 ${version}，请刷新页面`,
            widget,
            field: 'version',
          },
        );
      }
      const id = request.identity;
      // A role that still owes its second factor acts as nobody here.
      const user = id && (!MFA_ROLES.has(id.user.role) || id.session.mfaPassed) ? id.user.id : null;
      const iat = Date.now();
      const exp = iat + TOKEN_TTL_MS;
      const claims = { village, widget, version, capabilities: granted.capabilities, user, iat, exp };
      reply.header('cache-control', 'no-store');
      return { token: mintToken(ctx.key, claims), expiresAt: new Date(exp).toISOString() };
    },
  );
}
