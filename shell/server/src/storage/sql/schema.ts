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

export interface HostKeysTable {
  name: string;
  secret: string;
  created_at: string;
}

export interface HostUsedTicketsTable {
  id: string;
  /** Milliseconds since the epoch (PostgreSQL returns a bigint as a string). */
  expires_at: number | string;
}

export interface HostDocsTable {
  seq: Generated<number>;
  village: string;
  widget: string;
  collection: string;
  id: string;
  data: string;
  size: number;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: number | null;
  updated_by: number | null;
}

export interface HostFormSubmissionsTable {
  id: string;
  village: string;
  widget: string;
  widget_version: string;
  form_id: string;
  data: string;
  user_id: number | null;
  received_at: string;
}

export interface HostPointsRequestsTable {
  id: string;
  village: string;
  widget: string;
  household_id: string;
  item: string;
  quantity: number;
  note: string | null;
  evidence: string;
  user_id: number;
  status: 'pending' | 'approved' | 'rejected';
  created_at: string;
}

export interface HostMediaTable {
  id: string;
  village: string;
  widget: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  bytes: Buffer;
  user_id: number | null;
  created_at: string;
  collection: string | null;
}

export interface LeasesTable {
  name: string;
  holder: string;
  /** Milliseconds since the epoch (PostgreSQL returns a bigint as a string). */
  expires_at: number | string;
}

export interface RateLimitsTable {
  key: string;
  hits: number;
  window_ends: number | string;
}

export interface Database {
  divisions: DivisionsTable;
  portal_versions: PortalVersionsTable;
  portal_snapshots: PortalSnapshotsTable;
  portals: PortalsTable;
  portal_events: PortalEventsTable;
  usage_outbox: UsageOutboxTable;
  host_keys: HostKeysTable;
  host_docs: HostDocsTable;
  host_used_tickets: HostUsedTicketsTable;
  host_form_submissions: HostFormSubmissionsTable;
  host_points_requests: HostPointsRequestsTable;
  host_media: HostMediaTable;
  shell_leases: LeasesTable;
  shell_rate_limits: RateLimitsTable;
}
