/**
 * The composer's routes on the console origin (`/api/console/v1/portals/<village>/…`), for a village
 * cadre of the village and the county admin or province maintainer above it (the division rule of the
 * admin API; anyone else gets 403 and nothing changes):
 *
 * - `GET    composer` — what the cadre edits: the draft, else the published portal, with each
 *   service's title, contributions and config schema (composer.ts);
 * - `PUT    draft {baseVersion, config}` — keeps the whole draft once it passes a publication's checks;
 * - `POST   draft/widgets {name}` — adds a service to the draft (newest approved, compatible version);
 * - `DELETE draft` — throws the draft away;
 * - `GET    draft/snapshot` — the snapshot of the draft, for the phone preview (preview.ts);
 * - `POST   draft/publish` — publishes it (a whole-portal save with the draft's base; 409 when stale);
 * - `GET    versions/<n>` — one published version's config, for the history's comparison.
 *
 * History, rollback and the one-widget operations are the admin API's (`/api/portals/…`).
 */
import type { AuditLog } from '@cunmen/audit-log';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { shellError } from '../errors.js';
import type { Composer } from './composer.js';
import { CONSOLE_API } from './routes.js';

export interface ComposerRouteOptions {
  composer: Composer;
  audit: AuditLog;
}

type VillageRequest = FastifyRequest<{ Params: { village: string } }>;

export const composerRoutes: FastifyPluginAsync<ComposerRouteOptions> = async (app, opts) => {
  const { composer } = opts;
  const base = `${CONSOLE_API}/portals/:village`;
  const editors = app.requireUser({
    roles: ['village-cadre', 'county-admin', 'province-maintainer'],
    division: (request) => (request.params as { village?: string }).village,
  });
  const actor = (request: FastifyRequest) => request.identity?.user.name ?? '';
  const audited = async (request: VillageRequest, action: string, detail: Record<string, unknown> = {}) => {
    await opts.audit.append({
      actor: actor(request),
      action,
      subject: `village:${request.params.village}`,
      detail,
      ip: request.ip,
    });
  };

  app.get<{ Params: { village: string } }>(`${base}/composer`, { preHandler: editors }, async (request) =>
    composer.view(request.params.village),
  );

  app.put<{ Params: { village: string } }>(`${base}/draft`, { preHandler: editors }, async (request) => {
    const view = await composer.saveDraft(request.params.village, request.body, actor(request));
    await audited(request, 'portal.draft.save', { baseVersion: view.baseVersion });
    return view;
  });

  app.post<{ Params: { village: string } }>(
    `${base}/draft/widgets`,
    { preHandler: editors },
    async (request) => {
      const view = await composer.addToDraft(request.params.village, request.body, actor(request));
      await audited(request, 'portal.draft.add', { widget: (request.body as { name?: unknown }).name });
      return view;
    },
  );

  app.delete<{ Params: { village: string } }>(`${base}/draft`, { preHandler: editors }, async (request) => {
    const view = await composer.discard(request.params.village);
    await audited(request, 'portal.draft.discard');
    return view;
  });

  app.get<{ Params: { village: string } }>(
    `${base}/draft/snapshot`,
    { preHandler: editors },
    async (request, reply) =>
      reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(await composer.previewSnapshot(request.params.village)),
  );

  app.post<{ Params: { village: string } }>(
    `${base}/draft/publish`,
    { preHandler: editors },
    async (request) => {
      const saved = await composer.publish(request.params.village, actor(request));
      await audited(request, 'portal.save', { version: saved.version, via: 'console draft' });
      return saved;
    },
  );

  app.get<{ Params: { village: string; version: string } }>(
    `${base}/versions/:version`,
    { preHandler: editors },
    async (request) => {
      const n = Number(request.params.version);
      if (!Number.isInteger(n) || n < 1) {
        throw shellError('SHELL_ERR_BAD_REQUEST', 'version: expected a portal version number such as 2', {
          zh: 'version：应为门户版本号，例如 2',
          field: 'version',
        });
      }
      return composer.version(request.params.village, n);
    },
  );
};
