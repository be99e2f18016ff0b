/**
 * The shell's storage boundary. Routes and services see only these interfaces; the embedded
 * implementation is SQLite (Kysely over better-sqlite3) under the data directory, and a PostgreSQL one
 * can implement the same interfaces without touching routes.
 */

import type { VillageConfig } from '@cunmen/manifest';
import type { IdentityStore } from '../identity/store.js';

export type DivisionLevel = 'province' | 'county' | 'township' | 'village';

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
  /** Builds the config and its snapshot once the version number is assigned, inside the transaction. */
  build(version: number): { config: VillageConfig; snapshot: StoredSnapshot };
}

export interface PortalStore {
  /** Appends version max+1, stores its snapshot and makes it current, in one transaction. */
  savePortal(portal: NewPortal): Promise<PortalVersion>;
  /** Points the village at an existing version (recorded as an event); returns false if it does not exist. */
  setCurrent(village: string, version: number, actor: string, snapshot?: StoredSnapshot): Promise<boolean>;
  /** The current version number, or null when the village has no portal yet. */
  currentVersion(village: string): Promise<number | null>;
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
  /** Reports whose next attempt is due at `now`. */
  due(now: Date): Promise<(UsageReport & { attempts: number })[]>;
  /** Removes the village's report if it is still the one sent (a newer one stays). */
  delivered(report: UsageReport): Promise<void>;
  failed(village: string, error: string, nextAttemptAt: Date): Promise<void>;
  pending(): Promise<number>;
}

export interface Storage {
  divisions: DivisionStore;
  portals: PortalStore;
  usage: UsageOutbox;
  /** Accounts, sessions and sign-in state (shell/server/src/identity). */
  identity: IdentityStore;
  close(): Promise<void>;
}
