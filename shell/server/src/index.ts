export { buildApp, DEFAULT_WEB_DIST, type ShellOptions } from './app.js';
export { ERROR_CODES, ShellError, type ShellErrorCode } from './errors.js';
export { openStorage } from './storage/index.js';
export type * from './storage/types.js';
