export { type S3Flags, s3OptionsFrom } from './config.js';
export { FileObjectStore } from './file-store.js';
export { S3ObjectStore, type S3ObjectStoreOptions } from './s3-store.js';
export { assertKey, type ObjectInfo, type ObjectStore, type PutOptions } from './types.js';
