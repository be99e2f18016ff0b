export { type BuildAppOptions, buildApp, DEFAULT_MAX_PUBLISH_BYTES } from './app.js';
export { ERROR_CODES, RegistryError, type RegistryErrorCode } from './errors.js';
export { openStorage } from './storage/index.js';
export type * from './storage/types.js';
