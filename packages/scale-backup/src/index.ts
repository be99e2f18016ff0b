export { createScaleBackup, type ScaleBackupSource } from './create.js';
export { ScaleBackupError, type ScaleBackupSummary } from './format.js';
export { pgToolPath } from './pg-tools.js';
export { restoreScaleBackup, type ScaleBackupTarget } from './restore.js';
