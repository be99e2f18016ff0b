/** Kysely table types for the SQLite store (timestamps are ISO strings, JSON is text). */
import type { Generated } from 'kysely';
import type { DivisionLevel } from '../types.js';

export interface DivisionsTable {
  code: string;
  level: DivisionLevel;
  name: string;
  parent_code: string | null;
}

export interface PortalVersionsTable {
  village: string;
  version: number;
  config: string;
  created_at: string;
  created_by: string;
}

export interface PortalSnapshotsTable {
  village: string;
  version: number;
  snapshot: string;
  etag: string;
  warnings: string;
  resolved_at: string;
}

export interface PortalsTable {
  village: string;
  current_version: number;
  updated_at: string;
}

export interface PortalEventsTable {
  id: Generated<number>;
  village: string;
  action: 'save' | 'rollback';
  version: number;
  previous_version: number | null;
  actor: string;
  at: string;
}

export interface UsageOutboxTable {
  village: string;
  widgets: string;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: string;
}

export interface Database {
  divisions: DivisionsTable;
  portal_versions: PortalVersionsTable;
  portal_snapshots: PortalSnapshotsTable;
  portals: PortalsTable;
  portal_events: PortalEventsTable;
  usage_outbox: UsageOutboxTable;
}
