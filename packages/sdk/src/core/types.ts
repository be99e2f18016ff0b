/**
 * Plain data shapes a widget sees: the village it runs in, the signed-in user, its own identity and
 * stored documents. No behaviour here; the host API and the `Host` object live in `host-api.ts` and
 * `host.ts`.
 */
import type { Capability } from '@cunmen/manifest';

/** A division (township or county) by its GB/T 2260 / 统计用区划代码 code and name. */
export interface Division {
  code: string;
  name: string;
}

/** The village the portal belongs to. */
export interface Village {
  /** 12-digit 统计用区划代码, e.g. `330521001001`. */
  code: string;
  name: string;
  township?: Division;
  county?: Division;
}

export type HostUserRole =
  | 'resident'
  | 'cadre'
  | 'supervisor'
  | 'township'
  | 'county'
  | 'province'
  | 'merchant';

/** The signed-in user as the widget may see them. */
export interface HostUser {
  id: string;
  /** Already masked by the server (e.g. `张*华`); the unmasked name never reaches the browser. */
  displayName: string;
  role: HostUserRole;
  householdId?: string;
}

/** The running widget: package name, version, and the capabilities the province GRANTED at review. */
export interface WidgetInfo {
  name: string;
  version: string;
  capabilities: readonly Capability[];
}

/** A document in the widget's own store for this village. */
export interface StoredDoc<T> {
  id: string;
  data: T;
  /** Starts at 1, +1 on every write; pass it back as `ifVersion` for an optimistic-concurrency write. */
  version: number;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
}

/** One page of a list; pass `nextCursor` back as `cursor` for the next page, `null` means no more. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Locale = 'zh-CN' | 'en';
