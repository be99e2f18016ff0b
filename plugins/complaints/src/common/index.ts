/**
 * `@cunmen/complaints/common`: the framework-free core of 接诉即办 that the server and the widgets share —
 * the vocabulary, the division rules, the state machine and deadlines, the metrics, the error family and
 * the zod schemas of the API bodies (the widgets import the zod-free files directly).
 */
export {
  countyOf,
  dispatchTargets,
  levelOf,
  prefixOf,
  provinceOf,
  townshipOf,
  unitName,
  within,
} from './divisions.js';
export { type ComplaintsCode, complaintsErrors, unknownDivision } from './errors.js';
export { computeMetrics, formatRate, type MetricCase } from './metrics.js';
export {
  type BoardAnswer,
  CATEGORIES,
  type CaseDetail,
  type CaseEvent,
  type CaseSummary,
  type Category,
  DEFAULT_PHOTO_MAX_BYTES,
  DEFAULT_SETTINGS,
  type EventAction,
  isCategory,
  MAX_PHOTOS,
  MAX_TEXT,
  type MetricsAnswer,
  OPEN_STATUSES,
  PHOTO_TYPES,
  type PhotoType,
  RATINGS,
  type Rating,
  type Settings,
  type SettingsAnswer,
  STATUSES,
  type StaffAction,
  type Status,
  type Unit,
} from './model.js';
export {
  acceptBodySchema,
  closeBodySchema,
  dispatchBodySchema,
  followUpBodySchema,
  rateBodySchema,
  reasonBodySchema,
  replyBodySchema,
  settingsSchema,
  submitBodySchema,
} from './schemas.js';
export { addHours, chinaDay, isPeriodError, monthsOf, type Period, parsePeriod } from './time.js';
export { checkSubmission, photoType } from './validate.js';
export {
  acceptOverdue,
  allowedActions,
  type CaseState,
  dueEscalations,
  isReader,
  READ_ROLES,
  refuse,
  refuseRating,
  replyOverdue,
  TRANSITIONS,
} from './workflow.js';
