/** Migrations listed in code (not read from a directory), so they work from `src` and `dist` alike. */
import type { Migration } from 'kysely';
import * as initial from './0001-initial.js';
import * as audit from './0002-audit.js';
import * as catalog from './0003-catalog.js';
import * as revisions from './0004-revisions.js';

export const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-audit': audit,
  '0003-catalog': catalog,
  '0004-revisions': revisions,
};
