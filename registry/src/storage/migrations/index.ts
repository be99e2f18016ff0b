/**
 * Migrations listed in code (not read from a directory), so they work from `src` and `dist` alike; each
 * is one code path for both dialects, with what differs asked of the dialect.
 */
import type { Kysely, Migration } from 'kysely';
import type { StorageDialect } from '../dialect/types.js';
import * as initial from './0001-initial.js';
import * as audit from './0002-audit.js';
import * as catalog from './0003-catalog.js';
import * as revisions from './0004-revisions.js';
import * as rateLimits from './0005-rate-limits.js';
import * as webLoginBinding from './0006-web-login-binding.js';
import * as usageReporterRole from './0007-usage-reporter-role.js';

type DialectMigration = {
  up(db: Kysely<unknown>, dialect: StorageDialect): Promise<void>;
  down(db: Kysely<unknown>, dialect: StorageDialect): Promise<void>;
};

const STEPS: Record<string, DialectMigration> = {
  '0001-initial': initial,
  '0002-audit': audit,
  '0003-catalog': catalog,
  '0004-revisions': revisions,
  '0005-rate-limits': rateLimits,
  '0006-web-login-binding': webLoginBinding,
  '0007-usage-reporter-role': usageReporterRole,
};

/** The names of every migration this registry knows, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(STEPS);

export function migrationsFor(dialect: StorageDialect): Record<string, Migration> {
  return Object.fromEntries(
    Object.entries(STEPS).map(([name, step]) => [
      name,
      {
        up: (db: Kysely<unknown>) => step.up(db, dialect),
        down: (db: Kysely<unknown>) => step.down(db, dialect),
      },
    ]),
  );
}
