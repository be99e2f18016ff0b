export { canonicalJson } from './canonical-json.js';
export {
  CAPABILITIES,
  CAPABILITY_IDS,
  type Capability,
  capabilitySchema,
  isCapability,
} from './capabilities.js';
export { type Collections, collectionSchema, collectionsSchema } from './collections.js';
export {
  countyCodeSchema,
  countyOf,
  type DivisionLevel,
  divisionCodeSchema,
  divisionLevel,
  isWithinDivision,
  provinceCodeSchema,
  townshipCodeSchema,
  townshipOf,
  villageCodeSchema,
} from './division.js';
export { ManifestValidationError, manifestErrors } from './errors.js';
export { ICON_NAMES, ICONS, type IconName, isIconName } from './icons.js';
export {
  addIssue,
  formatIssues,
  formatPath,
  localizeError,
  localizeIssue,
  type ManifestIssue,
} from './issues.js';
export { JSON_SCHEMAS, toJsonSchema } from './json-schema.js';
export { type VillageConfig, villageConfigSchema } from './portal.js';
export {
  type ReleaseDocument,
  releaseDocumentSchema,
  releaseManifestSchema,
} from './release.js';
export {
  type CountyScope,
  checkScopeForCounty,
  KNOWN_COUNTY_SCOPES,
  PROVINCE_SCOPE,
  scopeOf,
  scopeSchema,
} from './scopes.js';
export {
  compareVersions,
  findSharedConflicts,
  isExactVersion,
  isRange,
  rangesIntersect,
  type SharedConflict,
  sdkSatisfies,
} from './semver.js';
export {
  compatibleRange,
  type FederationSingleton,
  federationShared,
  SHARED_SINGLETON_NAMES,
  SHARED_SINGLETONS,
  type SharedSingleton,
  type SharedSingletonName,
  sharedVersions,
} from './shared-singletons.js';
export {
  placementIsSigned,
  type ReleaseFields,
  releaseDocumentPayloadV2,
  SIGNATURE_FORMAT_V2,
  type SignedManifest,
  type SignedReleaseV2,
  signaturePayloadV2,
  signedManifest,
} from './signature-v2.js';
export { type SignedRelease, signaturePayload } from './signing.js';
export { isSlotId, SLOT_DESCRIPTIONS, SLOT_IDS, type SlotId, slotIdSchema } from './slots.js';
export {
  type PortalSnapshot,
  placementSchema,
  portalSnapshotSchema,
  type SnapshotWidget,
  snapshotWidgetSchema,
  themeSchema,
  type Yank,
  yankSchema,
} from './snapshot.js';
export { type LocalizedText, localizedTextSchema, pickText } from './text.js';
export {
  type Validation,
  validateBuiltManifest,
  validateWidgetManifest,
  validateWith,
  type WidgetPackageInfo,
} from './validate.js';
export { DEFAULT_VISIBILITY, VISIBILITIES, type Visibility, visibilityOf } from './visibility.js';
export {
  type Asset,
  assetSchema,
  type BuiltManifest,
  builtManifestSchema,
  CATEGORIES,
  type Category,
  type Contribution,
  checkPackageName,
  contributionSchema,
  DEFAULT_BUDGET_GZIP,
  exposeKeySchema,
  MAX_BUDGET_GZIP,
  packageNameSchema,
  relativePathSchema,
  routeSchema,
  semverRangeSchema,
  WIDGET_KINDS,
  type WidgetKind,
  type WidgetManifest,
  type WidgetManifestInput,
  widgetManifestSchema,
} from './widget-manifest.js';
export { type YankAction, type YankUse, yankAction, yankReason } from './yank.js';
