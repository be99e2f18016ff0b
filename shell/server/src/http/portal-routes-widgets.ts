/**
 * One-widget edits of a village portal (admin; the roles and division checks of a whole save):
 *
 * - `POST   /api/portals/<village>/widgets` — add `{name, version?, config?, placements?, route?, tile?,
 *   nav?, position?}`;
 * - `PATCH  /api/portals/<village>/widgets/<name>` — `{config?, set?, unset?, placements?, version?}`;
 * - `POST   /api/portals/<village>/widgets/<name>/move` — `{to | before | after, slots?}`;
 * - `DELETE /api/portals/<village>/widgets/<name>`.
 *
 * `<name>` is the package name, encoded in one segment (`%40deqing%2Ffind-machinery`) or as two
 * (`@deqing/find-machinery`). Each takes the optional `baseVersion` — in the body, or as a query
 * parameter for DELETE — and answers like a save: `{village, version, etag, warnings}`.
 */
import { packageNameSchema } from '@cunmen/manifest';
import type { FastifyInstance, FastifyRequest, preHandlerHookHandler } from 'fastify';
import { shellError } from '../errors.js';
import { parseBaseVersion } from '../portals/save-body.js';
import type { PortalService, SaveResult } from '../portals/service.js';
import {
  addToPortal,
  configureInPortal,
  moveInPortal,
  removeFromPortal,
  type WidgetOpContext,
} from '../portals/widget-ops.js';
import { actorOf } from './auth.js';

type Params = { village: string; name?: string; scope?: string; pkg?: string };
type WidgetRequest = FastifyRequest<{ Params: Params }>;

export interface WidgetRouteDeps {
  portals: PortalService;
  editors: preHandlerHookHandler;
  /** Runs the operation and writes its audit entry once it succeeded. */
  audited(
    request: FastifyRequest<{ Params: { village: string } }>,
    action: string,
    work: Promise<SaveResult>,
    detail?: Record<string, unknown>,
  ): Promise<SaveResult>;
}

/** The widget a path names, from either form of the path. */
function widgetName(params: Params): string {
  const name = params.name ?? `${params.scope}/${params.pkg}`;
  if (!packageNameSchema.safeParse(name).success) {
    throw shellError(
      'SHELL_ERR_BAD_REQUEST',
      `name: "${name}" is not a scoped package name such as @deqing/find-machinery`,
      {
        zh: `name："${name}" 不是组件包名，例如 @deqing/find-machinery`,
        field: 'name',
      },
    );
  }
  return name;
}

/** The body without `baseVersion`, and the context of the operation. */
function split(request: WidgetRequest, baseFrom: unknown) {
  const body = request.body;
  if (body !== undefined && (typeof body !== 'object' || body === null || Array.isArray(body))) {
    throw shellError('SHELL_ERR_BAD_REQUEST', 'the body must be a JSON object', {
      zh: '请求内容应为 JSON 对象',
      field: '(body)',
    });
  }
  const { baseVersion: _base, ...rest } = (body ?? {}) as Record<string, unknown>;
  const ctx: WidgetOpContext = {
    village: request.params.village,
    actor: actorOf(request).name,
    base: parseBaseVersion(baseFrom),
  };
  return { ctx, rest };
}

const bodyBase = (request: WidgetRequest) =>
  (request.body as { baseVersion?: unknown } | undefined)?.baseVersion;

export function widgetRoutes(admin: FastifyInstance, deps: WidgetRouteDeps): void {
  const { portals, editors, audited } = deps;
  const one = (suffix = '') => [
    `/api/portals/:village/widgets/:name${suffix}`,
    `/api/portals/:village/widgets/:scope/:pkg${suffix}`,
  ];

  admin.post<{ Params: Params }>(
    '/api/portals/:village/widgets',
    { preHandler: editors },
    async (request) => {
      const { ctx, rest } = split(request, bodyBase(request));
      return audited(request, 'portal.widget.add', addToPortal(ctx, portals, rest), {
        widget: rest.name,
      });
    },
  );

  for (const url of one()) {
    admin.patch<{ Params: Params }>(url, { preHandler: editors }, async (request) => {
      const name = widgetName(request.params);
      const { ctx, rest } = split(request, bodyBase(request));
      return audited(request, 'portal.widget.configure', configureInPortal(ctx, portals, name, rest), {
        widget: name,
      });
    });
    admin.delete<{ Params: Params; Querystring: { baseVersion?: string } }>(
      url,
      { preHandler: editors },
      async (request) => {
        const name = widgetName(request.params);
        const { ctx } = split(request, request.query.baseVersion);
        return audited(request, 'portal.widget.remove', removeFromPortal(ctx, portals, name), {
          widget: name,
        });
      },
    );
  }
  for (const url of one('/move')) {
    admin.post<{ Params: Params }>(url, { preHandler: editors }, async (request) => {
      const name = widgetName(request.params);
      const { ctx, rest } = split(request, bodyBase(request));
      return audited(request, 'portal.widget.move', moveInPortal(ctx, portals, name, rest), { widget: name });
    });
  }
}
