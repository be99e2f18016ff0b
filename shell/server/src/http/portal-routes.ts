/**
 * The portal API. Public: `GET /api/portals/<village>/snapshot` (the signed snapshot, strong ETag,
 * 304 on If-None-Match) and `GET /api/villages`. Admin (each route names the roles it needs):
 * `GET /api/portals/<village>` the current config, `PUT /api/portals/<village>` save a new version
 * (`baseVersion` in the body: the version the config was edited from), the one-widget operations under
 * `/api/portals/<village>/widgets` (./portal-routes-widgets.ts), `POST /api/portals/<village>/rollback
 * {version}`, `POST /api/portals/<village>/refresh` (resolve the current version again),
 * `GET /api/portals/<village>/versions`.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { shellError } from '../errors.js';
import type { PortalService } from '../portals/service.js';
import { actorOf, authenticate, requireRole } from './auth.js';
import { widgetRoutes } from './portal-routes-widgets.js';

export interface PortalRouteOptions {
  portals: PortalService;
  adminToken: string | undefined;
}

interface VillageParams {
  village: string;
}

export const portalRoutes: FastifyPluginAsync<PortalRouteOptions> = async (app, opts) => {
  const { portals } = opts;
  /** Writes the audit entry once the action succeeded (a refusal changed nothing, so it is not logged). */
  async function audited<T extends { version?: number }>(
    request: FastifyRequest<{ Params: VillageParams }>,
    action: string,
    work: Promise<T>,
    extra: Record<string, unknown> = {},
  ): Promise<T> {
    const result = await work;
    await portals.storage.audit.append({
      actor: actorOf(request).name,
      action,
      subject: `village:${request.params.village}`,
      detail: { ...(typeof result.version === 'number' ? { version: result.version } : {}), ...extra },
      ip: request.ip,
    });
    return result;
  }

  app.get('/api/villages', async () => ({
    villages: await Promise.all(
      (await portals.storage.divisions.listVillages()).map(async (v) => ({
        ...v,
        portalVersion: await portals.storage.portals.currentVersion(v.code),
      })),
    ),
  }));

  app.get<{ Params: VillageParams }>('/api/portals/:village/snapshot', async (request, reply) => {
    const snapshot = await portals.snapshot(request.params.village);
    reply
      .header('etag', snapshot.etag)
      .header('cache-control', 'no-cache')
      .header('content-type', 'application/json; charset=utf-8');
    if (request.headers['if-none-match'] === snapshot.etag) return reply.code(304).send();
    return reply.send(snapshot.json);
  });

  // Admin routes: authentication first, then the roles each route needs (sessions and OIDC will replace
  // `authenticate`; the role checks stay).
  await app.register(async (admin) => {
    admin.addHook('onRequest', authenticate(opts.adminToken));
    const editors = requireRole('village-cadre', 'county-admin', 'province-maintainer');

    admin.get<{ Params: VillageParams }>(
      '/api/portals/:village',
      { preHandler: editors },
      async (request) => {
        const current = await portals.current(request.params.village);
        return {
          village: current.village,
          version: current.version,
          config: current.config,
          warnings: current.warnings,
        };
      },
    );

    admin.put<{ Params: VillageParams }>('/api/portals/:village', { preHandler: editors }, async (request) =>
      audited(
        request,
        'portal.save',
        portals.save(request.params.village, request.body, actorOf(request).name),
      ),
    );

    widgetRoutes(admin, { portals, editors, audited });

    admin.post<{ Params: VillageParams }>(
      '/api/portals/:village/rollback',
      { preHandler: editors },
      async (request) => {
        const body = request.body as { version?: unknown } | undefined;
        const version = body?.version;
        if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
          throw shellError('SHELL_ERR_BAD_REQUEST', 'version: expected a portal version number such as 2', {
            zh: 'version：应为门户版本号，例如 2',
            field: 'version',
          });
        }
        return audited(
          request,
          'portal.rollback',
          portals.rollback(request.params.village, version, actorOf(request).name),
        );
      },
    );

    admin.post<{ Params: VillageParams }>(
      '/api/portals/:village/refresh',
      { preHandler: editors },
      async (request) => {
        const result = await portals.refresh(request.params.village);
        await portals.storage.audit.append({
          actor: actorOf(request).name,
          action: 'portal.refresh',
          subject: `village:${request.params.village}`,
          detail: { version: result.version, changed: result.changed },
          ip: request.ip,
        });
        return result;
      },
    );

    admin.get<{ Params: VillageParams }>(
      '/api/portals/:village/versions',
      { preHandler: editors },
      async (request) => portals.versions(request.params.village),
    );
  });
};
