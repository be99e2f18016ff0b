/**
 * `HostApi`: everything a widget can ask the shell server for. Every method is async and every call is
 * checked on the server against the capabilities granted to the widget at review; a call without the
 * capability rejects with `CapabilityDeniedError` and never returns data. Two implementations:
 * `createHttpHostApi` (the real one) and the MockHost in `@cunmen/sdk/testing`.
 */
import {
  METHOD_CAPABILITIES as CONTRACT_CAPABILITIES,
  type FormReceipt,
  type HostApiMethod,
  type ListOptions,
  type Page,
  type PointsRequest,
  type PointsRequestReceipt,
  type PutOptions,
  type StoredDoc,
  type UploadedMedia,
} from '@cunmen/host-api';
import type { Capability } from '@cunmen/manifest';
import type { HostUser } from './types.js';

export type {
  FormReceipt,
  HostApiMethod,
  ListOptions,
  PointsRequest,
  PointsRequestReceipt,
  PutOptions,
  UploadedMedia,
};

/**
 * The widget's own document store for this village. Lists are newest first.
 */
export interface HostStore {
  /** Needs `store.read`. */
  list<T = unknown>(collection: string, options?: ListOptions): Promise<Page<StoredDoc<T>>>;
  /** Needs `store.read`. Resolves `null` when there is no such document. */
  get<T = unknown>(collection: string, id: string): Promise<StoredDoc<T> | null>;
  /** Needs `store.write`. The server assigns the id; the new document has version 1. */
  create<T = unknown>(collection: string, data: T): Promise<StoredDoc<T>>;
  /** Needs `store.write`. Creates the document when it does not exist and no `ifVersion` is given. */
  put<T = unknown>(collection: string, id: string, data: T, options?: PutOptions): Promise<StoredDoc<T>>;
  /** Needs `store.write`. Resolves also when the document was already gone (safe to retry). */
  remove(collection: string, id: string): Promise<void>;
}

export interface HostApi {
  /** Needs `user.read`. `null` when nobody is signed in. */
  me(): Promise<HostUser | null>;
  store: HostStore;
  forms: {
    /** Needs `form.submit`. */
    submit(formId: string, data: unknown): Promise<FormReceipt>;
  };
  points: {
    /** Needs `points.request`. The village committee approves it later. */
    request(request: PointsRequest): Promise<PointsRequestReceipt>;
  };
  media: {
    /**
     * Needs `media.upload`. `collection` ties the photo to a store collection, whose visibility it takes
     * (none: only its uploader and the village's staff see it).
     */
    upload(file: Blob, options: { filename: string; collection?: string }): Promise<UploadedMedia>;
    /**
     * Needs `store.read`. The photo as a Blob (show it with `URL.createObjectURL`): photos are served
     * only with the widget's credential, which an `<img src>` cannot send. Refused with
     * `SHELL_ERR_NOT_FOUND` when the caller may not see it.
     */
    get(id: string): Promise<Blob>;
  };
  /**
   * A standard module's own server routes, `/api/modules/<id><path>` (`<id>` is the package name without
   * `@cunmen/`). Needs `module.api`, which only standard modules can be granted. A route's own errors
   * reject as `HostError` with the module's code (e.g. `COMPLAINTS_ERR_…`), zh-CN message and field.
   */
  module: ModuleClient;
}

export type ModuleMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ModuleClient {
  /** JSON in, JSON out; `path` starts with `/` and may carry a query string. */
  request<T = unknown>(method: ModuleMethod, path: string, body?: unknown): Promise<T>;
  /** POSTs a file's raw bytes (`content-type` = its type, `x-filename` = its percent-encoded name). */
  upload<T = unknown>(path: string, file: Blob, options?: { filename?: string }): Promise<T>;
  /** GETs bytes: an export, an attachment, a photo. */
  download(path: string): Promise<Blob>;
}

/** Which capability each host-API method needs (the contract's table; the MockHost enforces the same). */
export const METHOD_CAPABILITIES = CONTRACT_CAPABILITIES satisfies Record<HostApiMethod, Capability>;
