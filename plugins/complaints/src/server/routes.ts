/**
 * The routes of 接诉即办 under `/api/modules/complaints`. Visibility: a resident sees only their own
 * cases; staff and readers (village cadre, township staff, county admin, supervisor, province maintainer)
 * see the cases of villages their division covers. A case outside what the caller may see is a 404
 * (its existence is not revealed); a visible case the caller may not act on is a 403; an action the
 * status does not allow is a 409.
 */
import type { ModuleContext } from '@cunmen/module-api';
import type { FastifyInstance } from 'fastify';
import { actionRoutes } from './actions.js';
import { caseRoutes } from './cases.js';
import { photoRoutes } from './photos.js';
import { reportRoutes } from './reports.js';
import { type ComplaintsOptions, createServices } from './services.js';
import { settingsRoutes } from './settings.js';

export type { ComplaintsOptions } from './services.js';

export async function complaintsRoutes(
  app: FastifyInstance,
  ctx: ModuleContext,
  options: ComplaintsOptions,
): Promise<void> {
  const s = createServices(ctx);
  await photoRoutes(app, s, options);
  await caseRoutes(app, s, options);
  await actionRoutes(app, s, options);
  await reportRoutes(app, s, options);
  await settingsRoutes(app, s, options);
}
