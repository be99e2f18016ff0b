/**
 * `@cunmen/points/common`: the framework-free core of 积分制 the server and the widgets share — the
 * vocabulary, the ledger arithmetic, the adoption rule, the error family and the API body schemas.
 */
export { chinaDay, chinaMonth, isDay, isMonth, monthRange } from './day.js';
export { type PointsCode, pointsErrors } from './errors.js';
export {
  affordable,
  balanceOf,
  deductionPoints,
  type EntryPoints,
  kindOfItem,
  resetPoints,
} from './ledger.js';
export {
  type AssemblyRecord,
  type Balance,
  type BoardRow,
  CLAIM_SOURCES,
  CLAIM_STATUSES,
  type Claim,
  type ClaimSource,
  type ClaimStatus,
  DEFAULT_SETTINGS,
  ENTRY_KINDS,
  type EntryKind,
  type Goods,
  type LedgerEntry,
  MASKING,
  MAX_PHOTO_BYTES,
  type Masking,
  type MonthSummary,
  PHOTOS_PER_DAY,
  type RuleBook,
  type RuleItem,
  type Settings,
} from './model.js';
export { checkAdoption, inForce } from './rulebook.js';
export {
  adoptBodySchema,
  claimBodySchema,
  goodsBodySchema,
  goodsUpdateSchema,
  householdBodySchema,
  redeemBodySchema,
  rejectBodySchema,
  resetBodySchema,
  ruleItemSchema,
  settingsSchema,
} from './schemas.js';
