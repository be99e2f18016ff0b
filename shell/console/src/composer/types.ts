/**
 * The composer's answers from the console API (shell/server/src/console/composer.ts): the config a
 * cadre edits (the draft, else the published portal) and what each placed service is.
 */
import type { Contribution, LocalizedText, VillageConfig } from '@cunmen/manifest';

/** A village config as a draft keeps it: everything but the version a publication assigns. */
export type DraftConfig = Omit<VillageConfig, 'version'>;
export type WidgetEntry = DraftConfig['widgets'][number];
export type Placement = WidgetEntry['placements'][number];

export interface ServiceInfo {
  name: string;
  version: string;
  kind: 'widget' | 'standard';
  title: LocalizedText;
  contributes: Contribution[];
  configSchema: Record<string, unknown> | null;
  configDefaults: Record<string, unknown> | null;
}

export interface ComposerView {
  village: { code: string; name: string };
  published: number | null;
  draft: { baseVersion: number; updatedAt: string; updatedBy: string } | null;
  baseVersion: number;
  config: DraftConfig;
  services: Record<string, ServiceInfo>;
  /** Modules the province or county made mandatory here: shown locked, never removable. */
  mandatory: { package: string; division: string; by: 'province' | 'county' }[];
}

/** `GET /api/portals/<village>/versions`. */
export interface VersionList {
  village: string;
  current: number | null;
  versions: {
    version: number;
    current: boolean;
    createdAt: string;
    createdBy: string;
    widgets: { name: string; version: string }[];
  }[];
}

/** `GET /api/console/v1/portals/<village>/versions/<n>`. */
export interface PublishedVersion {
  version: number;
  config: VillageConfig;
  createdAt: string;
  createdBy: string;
  services: Record<string, ServiceInfo>;
}

/** The `changes` of a 409 `SHELL_ERR_PORTAL_STALE`. */
export interface StaleChanges {
  base: number;
  current: number | null;
  versions: number[];
  added: string[];
  removed: string[];
  changed: { name: string; what: ('version' | 'config' | 'placements')[] }[];
  portal: string[];
}

/** The answer of a publication or a rollback. */
export interface SaveResult {
  village: string;
  version: number;
  warnings: { code: string; widget: string; zh: string; en: string }[];
}
