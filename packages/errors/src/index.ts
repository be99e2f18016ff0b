export type { ErrorBody } from './body.js';
export { errorBody, isErrorBody } from './body.js';
export type { ErrorDetail, ErrorFamily, ErrorSpec, ErrorTable } from './define.js';
export { CunmenError, defineErrors, docsLinkOf, isCunmenError } from './define.js';
export type { IssueLike } from './issues.js';
export { errorFromIssues, fieldOfPath, parseWith } from './issues.js';
