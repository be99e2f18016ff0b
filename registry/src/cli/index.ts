/** Every `cunmen-registry` command, in the order the main help lists them. */

import type { CliCommand } from '@cunmen/command-line';
import { auditCommands } from './audit.js';
import { backupCommands } from './backup.js';
import { catalogCommands } from './catalog.js';
import { keyCommands } from './keys.js';
import { migrateCommands } from './migrate-to-scale.js';
import { reviewCommands } from './review.js';
import { serveCommands } from './serve.js';
import { passwordCommands, userCommands } from './users.js';

export const COMMANDS: CliCommand[] = [
  ...serveCommands,
  ...userCommands,
  ...passwordCommands,
  ...reviewCommands,
  ...keyCommands,
  ...catalogCommands,
  ...auditCommands,
  ...backupCommands,
  ...migrateCommands,
];
