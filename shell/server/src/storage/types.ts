/**
 * The shell's storage boundary. Routes and services see only these interfaces; one implementation
 * (./sql, Kysely) runs on the embedded SQLite file under the data directory or on PostgreSQL, where
 * several shell instances share it.
 */

import type { AuditLog } from '@cunmen/audit-log';
import type { DivisionLevel, VillageConfig } from '@cunmen/manifest';
import type { ModuleBlobs } from '@cunmen/module-api';
import type { Kysely } from 'kysely';
import type { JoinRequestStore } from '../households/join-requests.js';
import type { HouseholdStore } from '../households/store.js';
import type { IdentityStore } from '../identity/store.js';
import type { MandatoryStore } from '../mandatory/store.js';
import type { NotificationStore } from '../notifications/store.js';
import type { DraftStore } from '../portals/drafts.js';
import type { SqlRateLimits } from './sql/rate-limits.js';

export type { DivisionLevel };

export interface Division {
  code: string;
  level: DivisionLevel;
  name: string;
  parent: string | null;
}

/** A village with the names of the divisions above it, as the snapshot and the landing page show it. */
export interface VillageRecord {
  code: string;
  name: string;
  township: { code: string; name: string } | null;
  county: { code: string; name: string } | null;
  province: { code: string; name: string } | null;
}

export interface DivisionStore {
  /** Inserts or renames divisions, parents first, in one transaction. */
  upsertDivisions(divisions: readonly Division[]): Promise<void>;
  getDivision(code: string): Promise<Division | null>;
  getVillage(code: string): Promise<VillageRecord | null>;
  /** Villages under a division prefix (all when omitted), by code. */
  listVillages(prefix?: string): Promise<VillageRecord[]>;
}

/** A warning about an assembled portal that did not refuse it (e.g. a version yanked after adoption). */
export interface PortalWarning {
  code: string;
  widget: string;
  en: string;
  zh: string;
}

/** The resolved snapshot of one portal version: the JSON served to browsers and its strong ETag. */
export interface StoredSnapshot {
  json: string;
  etag: string;
  warnings: PortalWarning[];
  resolvedAt: string;
}

export interface PortalVersion {
  village: string;
  version: number;
  config: VillageConfig;
  createdAt: string;
  createdBy: string;
}

export interface PortalEvent {
  village: string;
  action: 'save' | 'rollback';
  version: number;
  previousVersion: number | null;
  actor: string;
  at: string;
}

export interface NewPortal {
  village: string;
  actor: string;
  /**
   * The version the write was computed on (null: the village had no portal). When given and the current
   * version is another by the time the transaction runs, nothing is written and {@link StalePortalError}
   * is thrown: two writers on one base, exactly one wins.
   */
  expectCurrent?: number | null;
  /** Builds the config and its snapshot once the version number is assigned, inside the transaction. */
  build(version: number): { config: VillageConfig; snapshot: StoredSnapshot };
}

/** `savePortal` refused: the current version is not the one the write expected. */
export class StalePortalError extends Error {
  override name = 'StalePortalError';
  constructor(readonly current: number | null) {
    super(`the current portal version is ${current ?? 'none'}`);
  }
}

export interface PortalStore {
  /**
   * Appends version max+1, stores its snapshot and makes it current, in one transaction that takes the
   * write lock first (so a check of `expectCurrent` holds across processes sharing the database).
   */
  savePortal(portal: NewPortal): Promise<PortalVersion>;
  /** Points the village at an existing version (recorded as an event); returns false if it does not exist. */
  setCurrent(village: string, version: number, actor: string, snapshot?: StoredSnapshot): Promise<boolean>;
  /** The current version number, or null when the village has no portal yet. */
  currentVersion(village: string): Promise<number | null>;
  /**
   * The current version and its snapshot's ETag in one read: what a cache of snapshots is keyed by, so
   * a save, rollback or refresh on any instance (each changes one of the two) is seen at once.
   */
  currentRef(village: string): Promise<{ version: number; etag: string } | null>;
  getVersion(village: string, version: number): Promise<PortalVersion | null>;
  listVersions(village: string): Promise<PortalVersion[]>;
  listEvents(village: string): Promise<PortalEvent[]>;
  getSnapshot(village: string, version: number): Promise<StoredSnapshot | null>;
  putSnapshot(village: string, version: number, snapshot: StoredSnapshot): Promise<void>;
}

export interface UsageReport {
  village: string;
  widgets: { name: string; version: string }[];
}

/** Usage reports waiting to reach the registry: one per village, the latest replacing older ones. */
export interface UsageOutbox {
  enqueue(report: UsageReport): Promise<void>;
  /**
   * Claims the reports whose next attempt is due at `now` and returns them: a claimed report is not due
   * again for `leaseMs`, so of several instances draining the outbox exactly one sends each report
   * (one whose sender died is sent again once the lease runs out).
   */
  due(now: Date, leaseMs?: number): Promise<(UsageReport & { attempts: number })[]>;
  /** Removes the village's report if it is still the one sent (a newer one stays). */
  delivered(report: UsageReport): Promise<void>;
  failed(village: string, error: string, nextAttemptAt: Date): Promise<void>;
  pending(): Promise<number>;
}

/** Which widget's documents, in which village and collection. */
export interface HostDocScope {
  village: string;
  widget: string;
  collection: string;
}

/** A document of a widget's store. `data` is the JSON text; `createdBy`/`updatedBy` are user ids. */
export interface HostDoc {
  id: string;
  data: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: number | null;
  updatedBy: number | null;
}

/** How much one widget may keep in one village (documents in every collection together). */
export interface HostQuota {
  maxDocs: number;
  maxBytes: number;
}

export type HostWriteResult =
  | { ok: true; doc: HostDoc; created: boolean }
  | { ok: false; reason: 'conflict' | 'quota' | 'forbidden'; current?: number };

export interface HostDocWrite {
  data: string;
  by: number | null;
  at: string;
}

export interface FormSubmission {
  id: string;
  village: string;
  widget: string;
  widgetVersion: string;
  formId: string;
  data: string;
  userId: number | null;
  receivedAt: string;
}

export interface PointsRequestRecord {
  id: string;
  village: string;
  widget: string;
  householdId: string;
  item: string;
  quantity: number;
  note: string | null;
  evidence: string[];
  userId: number;
  status: 'pending';
  createdAt: string;
}

export interface MediaRecord {
  id: string;
  village: string;
  widget: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  userId: number | null;
  createdAt: string;
  /** The store collection the photo was uploaded for: it takes that collection's visibility (null: `owner`). */
  collection: string | null;
}

/**
 * What the host API keeps: widget documents per village, form submissions, points requests, uploaded
 * media, and the HMAC key of widget credentials. Every write is one transaction; a refusal (version
 * conflict, quota, another user's document) changes nothing.
 */
export interface HostStorage {
  /** The secret that signs widget credentials, created on first use and kept from then on. */
  credentialKey(): Promise<Buffer>;
  /**
   * Marks a page-load ticket used: true the first time `id` is seen (on any instance), false after.
   * Forgets tickets whose `expiresAt` (ms since the epoch) has passed `now`.
   */
  useTicket(id: string, expiresAt: number, now: number): Promise<boolean>;
  getDoc(scope: HostDocScope, id: string): Promise<HostDoc | null>;
  /**
   * Newest first (by creation); `before` is the sequence number the previous page ended at; with
   * `createdBy`, only documents that user created (an `owner` collection read by a resident).
   */
  listDocs(
    scope: HostDocScope,
    options: { limit: number; before: number | null; createdBy?: number },
  ): Promise<{ docs: HostDoc[]; next: number | null }>;
  createDoc(scope: HostDocScope, id: string, write: HostDocWrite, quota: HostQuota): Promise<HostWriteResult>;
  /**
   * Replaces a document (or creates it when missing and `ifVersion` is undefined). `mayOverwrite` decides
   * for an existing document whether this writer may change it.
   */
  putDoc(
    scope: HostDocScope,
    id: string,
    write: HostDocWrite & { ifVersion?: number },
    quota: HostQuota,
    mayOverwrite: (existing: HostDoc) => boolean,
  ): Promise<HostWriteResult>;
  /** `missing` when there was nothing to delete. */
  deleteDoc(
    scope: HostDocScope,
    id: string,
    mayDelete: (existing: HostDoc) => boolean,
  ): Promise<'deleted' | 'missing' | 'forbidden'>;
  usage(village: string, widget: string): Promise<{ docs: number; bytes: number }>;
  saveSubmission(submission: FormSubmission): Promise<void>;
  listSubmissions(village: string, widget: string): Promise<FormSubmission[]>;
  savePointsRequest(request: PointsRequestRecord): Promise<void>;
  listPointsRequests(village: string): Promise<PointsRequestRecord[]>;
  /** Stores the bytes and the record, unless the widget's media in the village would pass `maxBytes`. */
  saveMedia(record: MediaRecord, bytes: Buffer, maxBytes: number): Promise<boolean>;
  getMedia(id: string): Promise<(MediaRecord & { bytes: Buffer }) | null>;
  /** The ids among `ids` that are media of this widget in this village. */
  existingMedia(village: string, widget: string, ids: readonly string[]): Promise<string[]>;
}

/** Named leases: a job that must run once across instances is run by the lease's holder only. */
export interface Leases {
  /** Takes or renews `name` for `holder` until `now + ms`; false while another holder's lease runs. */
  acquire(name: string, holder: string, ms: number, now?: Date): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

export interface Storage {
  /**
   * `embedded`: the SQLite file of one process. `shared`: PostgreSQL, possibly under several instances —
   * then state that must agree across them (rate limits) lives in the database too.
   */
  kind: 'embedded' | 'shared';
  divisions: DivisionStore;
  portals: PortalStore;
  usage: UsageOutbox;
  /** Widget documents, submissions, points requests and media (shell/server/src/host-api). */
  host: HostStorage;
  /** Accounts, sessions and sign-in state (shell/server/src/identity). */
  identity: IdentityStore;
  /** Households and residents of each village (shell/server/src/households). */
  households: HouseholdStore;
  /** Residents' requests to join a household, decided by the village's cadres (src/households). */
  joinRequests: JoinRequestStore;
  /** Append-only, hash-chained log of every privileged action. */
  audit: AuditLog;
  /** Modules the province or a county made mandatory in its villages' portals (src/mandatory). */
  mandatory: MandatoryStore;
  /** Portal drafts the console keeps (src/portals/drafts.ts). */
  drafts: DraftStore;
  leases: Leases;
  /** The in-portal inbox (消息) of residents and staff (notifications/). */
  notifications: NotificationStore;
  /** Rate-limit counters every instance shares (used when `kind` is `shared`). */
  rateLimits: SqlRateLimits;
  /** What the standard modules' back ends get (src/modules): the database and a blob store each. */
  modules: {
    // biome-ignore lint/suspicious/noExplicitAny: each module types its own tables.
    database: Kysely<any>;
    blobs(moduleId: string): ModuleBlobs;
  };
  close(): Promise<void>;
}
