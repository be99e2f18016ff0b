export { moduleAudit } from './audit.js';
export {
  callerOf,
  canActOn,
  MODULE_ROLES,
  type ModuleCaller,
  type ModuleRole,
  type ModuleUser,
  requireRole,
  userOf,
} from './caller.js';
export {
  addSerialId,
  dialectOf,
  isUniqueViolation,
  type ModuleDialect,
  skipLocked,
  toCount,
  withAdvisoryLock,
} from './dialect.js';
export {
  forbidden,
  MODULE_DOCS_PAGE,
  MODULE_GENERIC_CODES,
  type ModuleErrorCode,
  moduleError,
  moduleErrors,
  notFound,
  parseInput,
  unauthenticated,
  type ZodLike,
} from './errors.js';
export { FileModuleBlobs } from './file-blobs.js';
export {
  type DivisionLevel,
  defineModule,
  MODULE_ID_PATTERN,
  type ModuleAudit,
  type ModuleBlobs,
  type ModuleContext,
  type ModuleDivision,
  type ModuleDivisions,
  migrationTables,
  modulePrefix,
  type ShellContext,
  type ShellModule,
} from './module.js';
export { type CallerResolver, migrateModule, mountModule } from './mount.js';
export {
  checkJob,
  checkNotice,
  JOB_NAME_PATTERN,
  type ModuleNotice,
  type Notice,
  type NoticeTarget,
  noticeSchema,
  type ScheduledJob,
  type ScheduledRun,
} from './notify.js';
export { type ModuleRoute, param, query, registerRoutes } from './routes.js';
