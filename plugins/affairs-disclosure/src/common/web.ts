/**
 * The core for the widgets: everything in `index.ts` except the zod schemas, so the browser bundle does
 * not carry zod (the server checks every body anyway). Types of the API come along as types only.
 */
export { type Block, blockTexts, MAX_BLOCKS, mapBlockTexts, parseBlocks } from './blocks.js';
export {
  type CatalogueItem,
  DEFAULT_CATALOGUE,
  type DeadlineRule,
  deadlineOf,
  describeDeadline,
  effectiveCatalogue,
  provinceOf,
} from './catalogue.js';
export {
  answerDueAt,
  countRows,
  DEFAULT_ANSWER_DAYS,
  type DisclosureFact,
  type DueCounts,
  type DueRow,
  type DueState,
  dueRows,
  isAnswerOverdue,
} from './dashboard.js';
export {
  ACTIONS,
  type Action,
  ATTACHMENT_KINDS,
  type AttachmentKind,
  CADENCES,
  CATEGORIES,
  type Cadence,
  type Category,
  STATUSES,
  type Status,
} from './enums.js';
export { affairsErrors, type ErrorCode } from './errors.js';
export {
  type FinanceRow,
  type FinanceTable,
  type FinanceTotals,
  financeTotals,
  formatYuan,
  parseYuan,
} from './finance.js';
export { LIMITS } from './limits.js';
export {
  addDays,
  chinaDate,
  defaultDashboardPeriod,
  endOfChinaDay,
  type Period,
  type PeriodKind,
  parsePeriod,
  periodContaining,
  periodFitsCadence,
  periodKindOf,
  periodsEndingIn,
} from './period.js';
export type {
  AttachmentView,
  CatalogueAnswer,
  CatalogueInput,
  DashboardAnswer,
  DashboardVillage,
  DraftInput,
  ItemSummary,
  ItemView,
  MaskedSheet,
  OriginalAnswer,
  PreviewAnswer,
  PublicQuestion,
  PublishedSummary,
  PublishedView,
  QuestionView,
  SettingsAnswer,
  Step,
  UpdateInput,
  Warning,
} from './schemas.js';
export {
  type ActorRole,
  availableActions,
  isPublic,
  roleFor,
  type TransitionError,
  type TransitionResult,
  transition,
} from './workflow.js';
