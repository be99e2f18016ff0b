export { buildApp, DEFAULT_WEB_DIST, type ShellOptions } from './app.js';
export { isShellError, ShellError, type ShellErrorCode, shellErrors } from './errors.js';
export { openStorage } from './storage/index.js';
export type * from './storage/types.js';
