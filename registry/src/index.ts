/**
 * The registry as a library: `buildApp` for tests and embedding (the shell's tests run the real
 * registry in-process), its storage, its error family, and the account service that makes users with
 * their first token.
 */
export { type BuildAppOptions, buildApp, DEFAULT_MAX_PUBLISH_BYTES } from './app.js';
export { type RegistryErrorCode, registryErrors } from './errors.js';
export { createAccount } from './services/accounts.js';
export { type Actor, OPERATOR } from './services/actor.js';
export { openStorage, type ScaleStorageOptions } from './storage/index.js';
export type * from './storage/types.js';
