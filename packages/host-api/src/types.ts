/** The shapes that travel over the host API, as the SDK hands them to widgets. */

export type HostUserRole =
  | 'resident'
  | 'cadre'
  | 'supervisor'
  | 'township'
  | 'county'
  | 'province'
  | 'merchant';

/** The signed-in user as a widget may see them (`GET /me`, needs `user.read`). */
export interface HostUser {
  /** Opaque and stable per person; never the account's row id or login name. */
  id: string;
  /** Masked by the server with `@cunmen/pii`'s `maskName` (`张**`); the full name never reaches the browser. */
  displayName: string;
  role: HostUserRole;
  householdId?: string;
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

export interface ListOptions {
  cursor?: string | null;
  /** 1 to `MAX_PAGE_LIMIT`, default `DEFAULT_PAGE_LIMIT`. */
  limit?: number;
}

export interface PutOptions {
  /** Write only if the document is still at this version; otherwise `SHELL_ERR_VERSION_CONFLICT` (409). */
  ifVersion?: number;
}

export interface FormReceipt {
  id: string;
  /** ISO 8601. */
  receivedAt: string;
}

export interface PointsRequest {
  /** The points item (积分事项) being claimed, as the village's points rules name it. */
  item: string;
  /** Defaults to the signed-in resident's household; staff of the village may name another. */
  householdId?: string;
  /** Positive integer up to `MAX_POINTS_QUANTITY`, default 1. */
  quantity?: number;
  note?: string;
  /** Media ids from `media.upload` by this widget in this village. */
  evidence?: string[];
}

export interface PointsRequestReceipt {
  id: string;
  status: 'pending';
}

export interface UploadedMedia {
  id: string;
  url: string;
}
