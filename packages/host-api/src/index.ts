/**
 * `@cunmen/host-api`: the one host API contract. The SDK's HTTP client, the MockHost and the shell
 * server all import it, so a rule changed here changes for all three. No React, no zod, no Node APIs.
 */
export type { ErrorBody } from '@cunmen/errors';
export {
  checkCollection,
  checkCursor,
  checkFilename,
  checkFormId,
  checkId,
  checkIfVersion,
  checkKnownFields,
  checkLimit,
  checkModuleId,
  checkModulePath,
  checkPointsRequest,
  cursorProblem,
  expected,
  type Problem,
} from './checks.js';
export {
  HOST_API_ERRORS,
  type HostApiErrorCode,
  type HostErrorBody,
} from './error-codes.js';
export {
  DEFAULT_PAGE_LIMIT,
  isMediaType,
  MAX_CURSOR_LENGTH,
  MAX_DOC_BYTES,
  MAX_FILENAME_LENGTH,
  MAX_JSON_BODY_BYTES,
  MAX_MEDIA_BYTES,
  MAX_MODULE_PATH_LENGTH,
  MAX_PAGE_LIMIT,
  MAX_POINTS_EVIDENCE,
  MAX_POINTS_ITEM_LENGTH,
  MAX_POINTS_NOTE_LENGTH,
  MAX_POINTS_QUANTITY,
  MEDIA_TYPES,
  type MediaType,
  mediaTypeOf,
  utf8Length,
} from './limits.js';
export { COLLECTION_PATTERN, DOC_ID_PATTERN, MODULE_ID_PATTERN } from './names.js';
export { type Refusal, refusals } from './refusals.js';
export {
  COLLECTION_HEADER,
  FILENAME_HEADER,
  HOST_API_PATH,
  HOST_ROUTES,
  type HostApiMethod,
  type HostRoute,
  type HostRouteName,
  type HttpMethod,
  hostPath,
  METHOD_CAPABILITIES,
  MODULE_API_PATH,
  mediaUrl,
  WIDGET_TOKEN_PATH,
  WIDGET_TOKENS_PATH,
} from './routes.js';
export type {
  FormReceipt,
  HostUser,
  HostUserRole,
  ListOptions,
  Page,
  PointsRequest,
  PointsRequestReceipt,
  PutOptions,
  StoredDoc,
  UploadedMedia,
} from './types.js';
export { SDK_VERSION } from './version.js';
