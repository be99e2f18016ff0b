/**
 * Plain data shapes a widget sees: the village it runs in, the signed-in user, its own identity and
 * stored documents (the shapes that travel over the host API are the contract's, `@cunmen/host-api`).
 * No behaviour here; the host API and the `Host` object live in `host-api.ts` and `host.ts`.
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

export type { HostUser, HostUserRole, Page, StoredDoc } from '@cunmen/host-api';

/** The running widget: package name, version, and the capabilities the province GRANTED at review. */
export interface WidgetInfo {
  name: string;
  version: string;
  capabilities: readonly Capability[];
}

export type Locale = 'zh-CN' | 'en';
