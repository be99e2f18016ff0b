/**
 * The 积分制 back end, mounted by the shell under `/api/modules/points` (tables `points_*`). Every route
 * is declared in `ROUTES`; this file registers them in the module's encapsulated scope, with a raw-bytes
 * body parser for photo uploads. `claimFromHostRequest` is the shell's way in for the host API's
 * `points.request` calls.
 */
import { defineModule, registerRoutes, type ShellModule } from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import { MAX_PHOTO_BYTES } from '../common/index.js';
import { type PointsRoute, pointsContext } from './context.js';
import { migrations } from './migrations.js';
import { claimRoutes } from './routes/claims.js';
import { householdRoutes } from './routes/households.js';
import { reportRoutes } from './routes/reports.js';
import { ruleBookRoutes } from './routes/rulebook.js';
import { shopRoutes } from './routes/shop.js';

export const ROUTES: readonly PointsRoute[] = [
  ...ruleBookRoutes,
  ...householdRoutes,
  ...claimRoutes,
  ...shopRoutes,
  ...reportRoutes,
];

const asBytes = (_request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) =>
  done(null, body);

export const pointsModule: ShellModule = defineModule({
  id: 'points',
  package: '@cunmen/points',
  migrations,
  async routes(app, ctx) {
    // Photos arrive as raw bytes; the magic bytes decide the type, never the declared one.
    const bodyLimit = MAX_PHOTO_BYTES * 2 + 1024;
    app.addContentTypeParser(/^image\/.*/, { parseAs: 'buffer', bodyLimit }, asBytes);
    app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit }, asBytes);
    registerRoutes(app, ROUTES, pointsContext(ctx));
  },
});

export default pointsModule;
export { claimFromHostRequest, type HostPointsRequest } from './host-requests.js';
export { migrations, POINTS_TABLES } from './migrations.js';
