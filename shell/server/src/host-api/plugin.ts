/**
 * The host API: the server side of the contract in `@cunmen/host-api` (its routes.ts has the table),
 * which `@cunmen/sdk`'s HTTP client and MockHost follow too. Everything is under `/api/host/v1`.
 *
 * - `POST /widget-tokens` (session cookie, same origin) exchanges the page load's ticket for every placed
 *   widget's credential; `POST /widget-token` renews one (routes/credentials.ts, page-tickets.ts).
 * - Every other call carries `authorization: Bearer <credential>`; the cookie plays no part. Before the
 *   body is read, the credential is verified against the village's CURRENT portal and the route's
 *   capability (from the contract's table) against the capabilities it grants: `me`, `store`, `forms`,
 *   `points/requests`, `media` (routes/*.ts). Refusals are `SHELL` errors in the one body
 *   `{ error, code, message, requestId, field?, widget? }`; a 403 `SHELL_ERR_CAPABILITY_DENIED` also
 *   names the `capability`, and every answer carries `x-request-id` and `cache-control: no-store`.
 * - `GET /media/:id` (`store.read`) serves an uploaded photo to a caller the visibility of the photo's
 *   collection lets see it (routes/media.ts).
 */
import { createHmac } from 'node:crypto';
import { HOST_API_PATH, refusals } from '@cunmen/host-api';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { handleShellErrors } from '../errors.js';
import type { PointsQueue } from '../modules/points-queue.js';
import type { PortalService } from '../portals/service.js';
import type { Storage } from '../storage/types.js';
import { DEFAULT_HOST_LIMITS, type HostLimits, type HostRoutesContext, refuse } from './context.js';
import { WidgetCredentials } from './credentials.js';
import { credentialRoutes } from './routes/credentials.js';
import { formRoutes } from './routes/forms.js';
import { meRoutes } from './routes/me.js';
import { acceptPhotos, mediaServeRoutes, mediaUploadRoutes } from './routes/media.js';
import { pointsRoutes } from './routes/points.js';
import { storeRoutes } from './routes/store.js';

export { DEFAULT_HOST_LIMITS, type HostLimits } from './context.js';
export type { HostCall } from './credentials.js';

export interface HostApiOptions {
  portals: PortalService;
  storage: Pick<Storage, 'host' | 'identity' | 'audit'>;
  /** The shell's public URL: its origin is accepted as same-origin for `widget-token`. */
  publicUrl?: string;
  limits?: Partial<HostLimits>;
  /** Shared with the module routes; built here when not given. */
  credentials?: WidgetCredentials;
  /** Accept a credential request by widget name (the staff console only; see routes/credentials-by-name.ts). */
  mintByName?: boolean;
  /** Where `points.request` calls go (modules/points-queue.ts); without it they are refused. */
  points?: PointsQueue | null;
}

/** The calls widgets make through the SDK, under the prefix, each with a credential and a capability. */
function callScope(ctx: HostRoutesContext, credentials: WidgetCredentials) {
  return async (api: FastifyInstance) => {
    handleShellErrors(api, (body, request) => {
      const capability = request.routeOptions.config.capability;
      return body.code === 'SHELL_ERR_CAPABILITY_DENIED' && capability
        ? { ...body, capability }
        : { ...body };
    });
    acceptPhotos(api, ctx.limits.mediaBytes);
    api.addHook('onRequest', async (request) => {
      const capability = request.routeOptions.config.capability;
      if (capability === undefined) return;
      const call = await credentials.verify(request.headers.authorization);
      request.hostCall = call;
      if (!call.capabilities.has(capability as never)) {
        throw refuse(refusals.capabilityDenied(capability, call.widget));
      }
    });
    api.addHook('onSend', async (request, reply, payload) => {
      reply.header('x-request-id', request.id);
      if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
      return payload;
    });
    meRoutes(api, ctx);
    storeRoutes(api, ctx);
    formRoutes(api, ctx);
    pointsRoutes(api, ctx);
    mediaUploadRoutes(api, ctx);
    mediaServeRoutes(api, ctx);
  };
}

export const hostApi: FastifyPluginAsync<HostApiOptions> = async (app, opts) => {
  const key = await opts.storage.host.credentialKey();
  const credentials = opts.credentials ?? new WidgetCredentials(key, opts.portals, opts.storage.identity);
  const ctx: HostRoutesContext = {
    host: opts.storage.host,
    limits: { ...DEFAULT_HOST_LIMITS, ...opts.limits },
    publicUserId: (id) => createHmac('sha256', key).update(`user:${id}`).digest('hex').slice(0, 24),
    points: opts.points ?? null,
  };
  app.decorateRequest('hostCall', null);
  // No credential needed to obtain one. Errors in the shell's handler.
  credentialRoutes(app, {
    ...ctx,
    credentials,
    key,
    ...(opts.publicUrl ? { publicUrl: opts.publicUrl } : {}),
    secureCookies: opts.publicUrl?.startsWith('https:') ?? false,
    mintByName: opts.mintByName ?? false,
    audit: opts.storage.audit,
  });
  await app.register(callScope(ctx, credentials), { prefix: HOST_API_PATH });
};
