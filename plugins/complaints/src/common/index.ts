export * from './divisions.js';
export * from './errors.js';
export * from './metrics.js';
export * from './model.js';
export * from './schemas.js';
export * from './time.js';
export * from './validate.js';
export * from './workflow.js';
