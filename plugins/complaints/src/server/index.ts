/**
 * The 接诉即办 back end, mounted by the shell under `/api/modules/complaints` (tables `complaints_*`).
 * Every route is declared in `ROUTES`; this file registers them in the module's encapsulated scope, with
 * a raw-bytes body parser for photo uploads.
 */
import { defineModule, registerRoutes, type ShellModule } from '@cunmen/module-api';
import type { FastifyRequest } from 'fastify';
import { DEFAULT_PHOTO_MAX_BYTES } from '../common/index.js';
import { type ComplaintsOptions, type ComplaintsRoute, complaintsContext } from './context.js';
import { migrations } from './migrations.js';
import { actionRoutes } from './routes/actions.js';
import { caseRoutes } from './routes/cases.js';
import { photoRoutes } from './routes/photos.js';
import { reportRoutes } from './routes/reports.js';
import { settingsRoutes } from './routes/settings.js';
import { sweep } from './sweep.js';

/** The escalation sweep's job (`complaints.sla-sweep`) and how often it runs. */
export const SWEEP_JOB = 'sla-sweep';
export const SWEEP_EVERY_MS = 60_000;

export const ROUTES: readonly ComplaintsRoute[] = [
  ...photoRoutes,
  ...caseRoutes,
  ...actionRoutes,
  ...reportRoutes,
  ...settingsRoutes,
];

export const DEFAULT_OPTIONS: ComplaintsOptions = {
  photoMaxBytes: DEFAULT_PHOTO_MAX_BYTES,
  submissionsPerDay: 10,
  photosPerDay: 60,
};

const asBytes = (_request: FastifyRequest, body: Buffer, done: (err: Error | null, body?: unknown) => void) =>
  done(null, body);

/** The module with other limits (photo size, daily quotas), e.g. from the shell's configuration. */
export function createComplaintsModule(options: Partial<ComplaintsOptions> = {}): ShellModule {
  const o = { ...DEFAULT_OPTIONS, ...options };
  return defineModule({
    id: 'complaints',
    package: '@cunmen/complaints',
    migrations,
    async routes(app, ctx) {
      // Photos arrive as raw bytes. The SDK sends application/octet-stream for a file without a type,
      // and any other type is read as bytes too: the magic bytes decide, never the declared type.
      const bodyLimit = o.photoMaxBytes * 2 + 1024;
      app.addContentTypeParser(/^image\/.*/, { parseAs: 'buffer', bodyLimit }, asBytes);
      app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, asBytes);
      const c = complaintsContext(ctx, o);
      registerRoutes(app, ROUTES, c);
      // Escalation needs no request: the shell runs the sweep of every village on its timer.
      ctx.schedule(SWEEP_JOB, SWEEP_EVERY_MS, () => sweep(c, ''));
    },
  });
}

export const complaintsModule: ShellModule = createComplaintsModule();

export default complaintsModule;
export type { ComplaintsOptions } from './context.js';
export { migrations } from './migrations.js';
