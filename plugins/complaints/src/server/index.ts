/** The 接诉即办 back end as the shell mounts it: `/api/modules/complaints`, tables `complaints_*`. */
import { defineModule, type ShellModule } from '@cunmen/module-api';
import { DEFAULT_PHOTO_MAX_BYTES } from '../common/index.js';
import { migrations } from './migrations.js';
import { type ComplaintsOptions, complaintsRoutes } from './routes.js';

export type { ComplaintsOptions } from './routes.js';

export const DEFAULT_OPTIONS: ComplaintsOptions = {
  photoMaxBytes: DEFAULT_PHOTO_MAX_BYTES,
  submissionsPerDay: 10,
  photosPerDay: 60,
};

/** The module with other limits (photo size, daily quotas), e.g. from the shell's configuration. */
export function createComplaintsModule(options: Partial<ComplaintsOptions> = {}): ShellModule {
  const o = { ...DEFAULT_OPTIONS, ...options };
  return defineModule({
    id: 'complaints',
    package: '@cunmen/complaints',
    migrations,
    routes: (app, ctx) => complaintsRoutes(app, ctx, o),
  });
}

export const complaintsModule: ShellModule = createComplaintsModule();

export default complaintsModule;
