/** Every `cunmen-shell` command, in the order the main help lists them. */
import { auditCommands } from './audit.js';
import { backupCommands } from './backup.js';
import type { CliCommand } from './command.js';
import { withDatabaseOption } from './database.js';
import { divisionCommands } from './divisions.js';
import { migrateCommands } from './migrate-to-scale.js';
import { portalCommands } from './portal.js';
import { seedCommands } from './seed.js';
import { serveCommands } from './serve.js';
import { userCommands } from './users.js';

export const COMMANDS: CliCommand[] = [
  ...serveCommands,
  ...seedCommands,
  ...divisionCommands,
  ...portalCommands,
  ...userCommands,
  ...auditCommands,
  ...migrateCommands,
  ...backupCommands,
].map(withDatabaseOption);
