export { OPS_DOCS_PAGE, opsErrors } from './errors.js';
export { UNMATCHED_ROUTE } from './metrics.js';
export { type OpsState, type ServiceOpsOptions, serviceOps } from './plugin.js';
export { type CheckResult, type Readiness, type ReadinessCheck, runChecks } from './readiness.js';
export { REQUEST_ID_HEADER, requestIdOf, requestIdOptions } from './request-id.js';
export { type GracefulShutdownOptions, handleShutdownSignals } from './shutdown.js';
