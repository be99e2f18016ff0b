/**
 * `createMockHost`: an in-memory `Host` for tests, stories and the CLI's dev shell. Its `api` behaves like
 * the shell server's host API — same argument checks, capability enforcement (`CapabilityDeniedError`,
 * status 403), store versions and `SHELL_ERR_VERSION_CONFLICT` (409), newest-first cursor pagination —
 * and records what the widget did (`calls`, `submissions`, `pointsRequests`, `uploads`, `navigations`,
 * `published`). With `persist` (e.g. `localStorage`) the store, submissions, points requests and elderly
 * mode survive reloads.
 */
import { CAPABILITY_IDS, type Capability } from '@cunmen/manifest';
import { CapabilityDeniedError, HostError } from '../core/errors.js';
import { createEventHub, type EventBus, type EventHub } from '../core/events.js';
import { createElderlyMode, type Host } from '../core/host.js';
import {
  type FormReceipt,
  type HostApi,
  type HostApiMethod,
  METHOD_CAPABILITIES,
  type ModuleMethod,
  type PointsRequest,
  type PointsRequestReceipt,
  type UploadedMedia,
} from '../core/host-api.js';
import { createDeviceLocation, type GeoPoint } from '../core/location.js';
import type { HostUser, Locale, Page, StoredDoc, Village } from '../core/types.js';
import {
  checkCollection,
  checkFormId,
  checkId,
  checkJson,
  checkListOptions,
  checkModulePath,
  checkPointsRequest,
  checkUpload,
  checkVersion,
} from '../core/validate.js';

export const MOCK_VILLAGE: Village = {
  code: '330521001001',
  name: '德清县某村',
  township: { code: '330521001', name: '武康街道' },
  county: { code: '330521', name: '德清县' },
};

export const MOCK_RESIDENT: HostUser = {
  id: 'resident-1',
  displayName: '张*华',
  role: 'resident',
  householdId: 'household-1',
};

/** Storage the mock can persist to (`localStorage`, `sessionStorage`, or your own). */
export type MockStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface MockHostOptions {
  /** Defaults to `@cunmen/example-widget` 0.0.0. */
  widget?: { name?: string; version?: string };
  /** The GRANTED capabilities; defaults to all. Pass the manifest's list to see what review would allow. */
  capabilities?: readonly Capability[];
  /** Defaults to `MOCK_VILLAGE` (330521001001 德清县某村). */
  village?: Village;
  /** Defaults to `MOCK_RESIDENT`; `null` = nobody signed in. */
  user?: HostUser | null;
  config?: Record<string, unknown>;
  locale?: Locale;
  /** Initial elderly mode (a persisted value wins). */
  elderly?: boolean;
  /** Keep data across reloads. */
  persist?: MockStorage;
  /** Defaults to `cunmen:mock-host:<widget name>:<village code>`. */
  persistKey?: string;
  /** Simulated latency of every API call, in ms (default 0). */
  latencyMs?: number;
  /** Clock for `createdAt` / `updatedAt` / `receivedAt`. */
  now?: () => Date;
  /** Share one hub between several mock hosts (several widgets on one dev page). */
  eventHub?: EventHub;
  onNavigate?: (to: string) => void;
  /**
   * Answers `api.module` calls (a standard module's own routes), the way the module's server would:
   * return the JSON answer (or a Blob for `download`), throw a `HostError` to simulate a refusal.
   */
  module?: MockModuleHandler;
  /**
   * What `location.request()` gives: a position (default: 德清县城, accuracy 20 m) or a `HostError`
   * such as `SDK_ERR_LOCATION_DENIED` to simulate a refusal. `location.read` is still required.
   */
  location?: GeoPoint | HostError;
}

export interface MockModuleCall {
  method: ModuleMethod;
  path: string;
  /** The JSON body of `request`, or the file of `upload`. */
  body?: unknown;
  file?: Blob;
  filename?: string;
  kind: 'request' | 'upload' | 'download';
}

export type MockModuleHandler = (call: MockModuleCall) => unknown | Promise<unknown>;

export interface MockCall {
  method: HostApiMethod;
  args: unknown[];
  outcome: 'ok' | 'error';
  error?: HostError;
}

export interface MockSubmission extends FormReceipt {
  formId: string;
  data: unknown;
}

export interface MockPointsRequest extends PointsRequestReceipt {
  request: PointsRequest;
  requestedAt: string;
}

export interface MockUpload extends UploadedMedia {
  filename: string;
  type: string;
  size: number;
  file: Blob;
}

export interface MockHost extends Host {
  /** Every host-API call, in order, with its outcome. */
  readonly calls: MockCall[];
  readonly submissions: MockSubmission[];
  readonly pointsRequests: MockPointsRequest[];
  readonly uploads: MockUpload[];
  readonly navigations: string[];
  /** Events this widget published. */
  readonly published: Array<{ name: string; payload: unknown }>;
  /** The collection's documents, newest first (copies). */
  docs<T = unknown>(collection: string): StoredDoc<T>[];
  /** Adds documents as if created in order (the last one is the newest). */
  seed<T = unknown>(collection: string, data: T[]): StoredDoc<T>[];
  /** Makes the next call of `method` fail with `error` (default `SDK_ERR_NETWORK`). */
  failNext(method: HostApiMethod, error?: HostError): void;
  /** Forgets documents and records (and the persisted copy). */
  reset(): void;
}

interface Entry {
  seq: number;
  id: string;
  json: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

interface PersistedState {
  format: 1;
  seq: number;
  collections: Record<string, Entry[]>;
  submissions: Array<Omit<MockSubmission, 'data'> & { json: string }>;
  pointsRequests: MockPointsRequest[];
  elderly?: boolean;
}

function emptyState(): PersistedState {
  return { format: 1, seq: 0, collections: {}, submissions: [], pointsRequests: [] };
}

function loadState(storage: MockStorage | undefined, key: string): PersistedState {
  if (!storage) return emptyState();
  const text = storage.getItem(key);
  if (text === null) return emptyState();
  try {
    const state = JSON.parse(text) as PersistedState;
    if (state?.format === 1 && typeof state.seq === 'number' && typeof state.collections === 'object')
      return state;
  } catch {
    // fall through
  }
  console.warn(`[cunmen] ignoring unreadable MockHost data under "${key}"`);
  return emptyState();
}

function versionConflict(detail: string): HostError {
  return new HostError({
    code: 'SHELL_ERR_VERSION_CONFLICT',
    status: 409,
    message: '数据已被修改，请刷新后重试',
    detail,
  });
}

function toDoc<T>(entry: Entry): StoredDoc<T> {
  return {
    id: entry.id,
    data: JSON.parse(entry.json) as T,
    version: entry.version,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
  };
}

/**
 * @example
 * const host = createMockHost({ capabilities: ['store.read'], config: { pickupDays: ['周二'] } });
 * await expect(host.api.store.create('bookings', {})).rejects.toThrow(CapabilityDeniedError);
 */
export function createMockHost(options: MockHostOptions = {}): MockHost {
  const capabilities: readonly Capability[] = Object.freeze([...(options.capabilities ?? CAPABILITY_IDS)]);
  const widget = Object.freeze({
    name: options.widget?.name ?? '@cunmen/example-widget',
    version: options.widget?.version ?? '0.0.0',
    capabilities,
  });
  const village = options.village ?? MOCK_VILLAGE;
  const signedIn = options.user === undefined ? MOCK_RESIDENT : options.user;
  const now = options.now ?? (() => new Date());
  const latencyMs = options.latencyMs ?? 0;
  const storage = options.persist;
  const key = options.persistKey ?? `cunmen:mock-host:${widget.name}:${village.code}`;
  let state = loadState(storage, key);

  const calls: MockCall[] = [];
  const uploads: MockUpload[] = [];
  const navigations: string[] = [];
  const published: Array<{ name: string; payload: unknown }> = [];
  const submissions: MockSubmission[] = state.submissions.map(({ json, ...receipt }) => ({
    ...receipt,
    data: JSON.parse(json),
  }));
  const pointsRequests: MockPointsRequest[] = [...state.pointsRequests];
  const failures = new Map<HostApiMethod, HostError[]>();
  let uploadSeq = 0;
  const moduleHandler: MockModuleHandler =
    options.module ??
    ((c) => {
      throw new HostError({
        code: 'SDK_ERR_UNEXPECTED',
        detail: `MockHost has no module handler for ${c.method} ${c.path}; pass createMockHost({ module })`,
      });
    });

  function save(): void {
    if (!storage) return;
    state.submissions = submissions.map(({ data, ...receipt }) => ({
      ...receipt,
      json: JSON.stringify(data),
    }));
    state.pointsRequests = pointsRequests;
    try {
      storage.setItem(key, JSON.stringify(state));
    } catch (error) {
      console.warn('[cunmen] MockHost could not persist its data', error);
    }
  }

  /** Runs one API call the way the server would: capability first, then the operation; records it. */
  async function call<R>(
    method: HostApiMethod,
    args: unknown[],
    check: () => void,
    run: () => R | Promise<R>,
  ): Promise<R> {
    try {
      check();
      if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
      const capability = METHOD_CAPABILITIES[method];
      if (!capabilities.includes(capability)) throw new CapabilityDeniedError(capability, { status: 403 });
      const injected = failures.get(method)?.shift();
      if (injected) throw injected;
      const result = await run();
      calls.push({ method, args, outcome: 'ok' });
      return result;
    } catch (error) {
      const hostError =
        error instanceof HostError ? error : new HostError({ code: 'SDK_ERR_UNEXPECTED', cause: error });
      calls.push({ method, args, outcome: 'error', error: hostError });
      throw hostError;
    }
  }

  function entries(collection: string): Entry[] {
    let list = state.collections[collection];
    if (!list) {
      list = [];
      state.collections[collection] = list;
    }
    return list;
  }

  function insert(collection: string, id: string, json: string): Entry {
    const at = now().toISOString();
    state.seq += 1;
    const entry: Entry = { seq: state.seq, id, json, version: 1, createdAt: at, updatedAt: at };
    entries(collection).push(entry);
    return entry;
  }

  function newId(collection: string): string {
    let n = state.seq + 1;
    while (entries(collection).some((e) => e.id === `doc-${n}`)) n += 1;
    return `doc-${n}`;
  }

  const api: HostApi = {
    me: () =>
      call(
        'me',
        [],
        () => {},
        () => (signedIn ? { ...signedIn } : null),
      ),
    store: {
      list<T>(collection: string, listOptions?: { cursor?: string | null; limit?: number }) {
        let page: { cursor: string | null; limit: number };
        return call(
          'store.list',
          [collection, listOptions],
          () => {
            checkCollection(collection);
            page = checkListOptions(listOptions);
          },
          (): Page<StoredDoc<T>> => {
            let before = Number.POSITIVE_INFINITY;
            if (page.cursor !== null) {
              const match = /^c([1-9][0-9]*)$/.exec(page.cursor);
              if (!match) {
                throw new HostError({
                  code: 'SHELL_ERR_INVALID_ARGUMENT',
                  status: 400,
                  message: '分页参数无效，请刷新后重试',
                  detail: `cursor "${page.cursor}" was not issued by this server`,
                });
              }
              before = Number(match[1]);
            }
            const newestFirst = entries(collection)
              .filter((e) => e.seq < before)
              .sort((a, b) => b.seq - a.seq);
            const items = newestFirst.slice(0, page.limit);
            const last = items[items.length - 1];
            return {
              items: items.map((e) => toDoc<T>(e)),
              nextCursor: newestFirst.length > page.limit && last ? `c${last.seq}` : null,
            };
          },
        );
      },
      get<T>(collection: string, id: string) {
        return call(
          'store.get',
          [collection, id],
          () => {
            checkCollection(collection);
            checkId('id', id);
          },
          () => {
            const entry = entries(collection).find((e) => e.id === id);
            return entry ? toDoc<T>(entry) : null;
          },
        );
      },
      create<T>(collection: string, data: T) {
        let json = '';
        return call(
          'store.create',
          [collection, data],
          () => {
            checkCollection(collection);
            json = checkJson('data', data);
          },
          () => {
            const entry = insert(collection, newId(collection), json);
            save();
            return toDoc<T>(entry);
          },
        );
      },
      put<T>(collection: string, id: string, data: T, putOptions?: { ifVersion?: number }) {
        let json = '';
        let ifVersion: number | undefined;
        return call(
          'store.put',
          [collection, id, data, putOptions],
          () => {
            checkCollection(collection);
            checkId('id', id);
            json = checkJson('data', data);
            ifVersion = checkVersion(putOptions?.ifVersion);
          },
          () => {
            const entry = entries(collection).find((e) => e.id === id);
            if (ifVersion !== undefined && entry?.version !== ifVersion) {
              throw versionConflict(
                entry
                  ? `${collection}/${id} is at version ${entry.version}, not ${ifVersion}`
                  : `${collection}/${id} does not exist (expected version ${ifVersion})`,
              );
            }
            if (!entry) {
              const created = insert(collection, id, json);
              save();
              return toDoc<T>(created);
            }
            entry.json = json;
            entry.version += 1;
            entry.updatedAt = now().toISOString();
            save();
            return toDoc<T>(entry);
          },
        );
      },
      remove(collection: string, id: string) {
        return call(
          'store.remove',
          [collection, id],
          () => {
            checkCollection(collection);
            checkId('id', id);
          },
          () => {
            const list = entries(collection);
            const index = list.findIndex((e) => e.id === id);
            if (index >= 0) {
              list.splice(index, 1);
              save();
            }
          },
        );
      },
    },
    forms: {
      submit(formId, data) {
        let json = '';
        return call(
          'forms.submit',
          [formId, data],
          () => {
            checkFormId(formId);
            json = checkJson('data', data);
          },
          () => {
            const receipt = { id: `submission-${submissions.length + 1}`, receivedAt: now().toISOString() };
            submissions.push({ ...receipt, formId, data: JSON.parse(json) });
            save();
            return receipt;
          },
        );
      },
    },
    points: {
      request(request) {
        return call(
          'points.request',
          [request],
          () => {
            checkPointsRequest(request);
          },
          () => {
            const { item, householdId, quantity, note, evidence } = request;
            const copy: PointsRequest = JSON.parse(
              JSON.stringify({ item, householdId, quantity, note, evidence }),
            );
            const receipt: PointsRequestReceipt = {
              id: `points-request-${pointsRequests.length + 1}`,
              status: 'pending',
            };
            pointsRequests.push({ ...receipt, request: copy, requestedAt: now().toISOString() });
            save();
            return receipt;
          },
        );
      },
    },
    media: {
      upload(file, uploadOptions) {
        let filename = '';
        return call(
          'media.upload',
          [file, uploadOptions],
          () => {
            filename = checkUpload(file, uploadOptions);
          },
          () => {
            uploadSeq += 1;
            const id = `media-${uploadSeq}`;
            let url = `mock://media/${id}`;
            try {
              if (typeof URL.createObjectURL === 'function') url = URL.createObjectURL(file);
            } catch {
              // Keep the mock URL (e.g. a Blob from another realm).
            }
            uploads.push({ id, url, filename, type: file.type, size: file.size, file });
            return { id, url };
          },
        );
      },
    },
    module: {
      request<T>(method: ModuleMethod, path: string, body?: unknown) {
        return call(
          'module.request',
          [method, path, body],
          () => {
            checkModulePath(path);
            if (body !== undefined) checkJson('body', body);
          },
          async () => (await moduleHandler({ kind: 'request', method, path, body })) as T,
        );
      },
      upload<T>(path: string, file: Blob, uploadOptions?: { filename?: string }) {
        let filename = '';
        return call(
          'module.upload',
          [path, file, uploadOptions],
          () => {
            checkModulePath(path);
            filename = checkUpload(file, {
              filename: uploadOptions?.filename ?? (file as File).name ?? 'file',
            });
          },
          async () => (await moduleHandler({ kind: 'upload', method: 'POST', path, file, filename })) as T,
        );
      },
      download(path: string) {
        return call(
          'module.download',
          [path],
          () => {
            checkModulePath(path);
          },
          async () => {
            const answer = await moduleHandler({ kind: 'download', method: 'GET', path });
            return answer instanceof Blob ? answer : new Blob([JSON.stringify(answer ?? null)]);
          },
        );
      },
    },
  };

  const hub = options.eventHub ?? createEventHub();
  const bus = hub.forWidget(widget);
  const events: EventBus = {
    publish(name, payload) {
      bus.publish(name, payload);
      published.push({ name, payload: JSON.parse(JSON.stringify(payload)) });
    },
    subscribe: (name, handler) => bus.subscribe(name, handler),
  };

  const elderly = createElderlyMode(state.elderly ?? options.elderly ?? false, (value) => {
    state.elderly = value;
    save();
    hub.emit('elderly.changed', { elderly: value });
  });

  const host: MockHost = {
    widget,
    village,
    user: signedIn && capabilities.includes('user.read') ? signedIn : null,
    config: Object.freeze({ ...(options.config ?? {}) }),
    locale: options.locale ?? 'zh-CN',
    elderly,
    navigate(to) {
      navigations.push(to);
      options.onNavigate?.(to);
      hub.emit('navigation', { to });
    },
    events,
    api,
    location: createDeviceLocation(capabilities, {
      getCurrentPosition(success, failure) {
        const given = options.location ?? { lat: 30.5447, lng: 119.9776, accuracy: 20 };
        if (given instanceof HostError) {
          const denied = given.code === 'SDK_ERR_LOCATION_DENIED';
          failure?.({ code: denied ? 1 : 2, message: given.message } as GeolocationPositionError);
          return;
        }
        success({
          coords: { latitude: given.lat, longitude: given.lng, accuracy: given.accuracy },
          timestamp: now().getTime(),
        } as GeolocationPosition);
      },
    }),
    calls,
    submissions,
    pointsRequests,
    uploads,
    navigations,
    published,
    docs<T>(collection: string) {
      return entries(checkCollection(collection))
        .slice()
        .sort((a, b) => b.seq - a.seq)
        .map((e) => toDoc<T>(e));
    },
    seed<T>(collection: string, data: T[]) {
      checkCollection(collection);
      const docs = data.map((item) =>
        toDoc<T>(insert(collection, newId(collection), checkJson('data', item))),
      );
      save();
      return docs;
    },
    failNext(method, error) {
      const queue = failures.get(method) ?? [];
      queue.push(
        error ?? new HostError({ code: 'SDK_ERR_NETWORK', detail: `MockHost.failNext('${method}')` }),
      );
      failures.set(method, queue);
    },
    reset() {
      const elderlyValue = state.elderly;
      state = emptyState();
      if (elderlyValue !== undefined) state.elderly = elderlyValue;
      for (const list of [calls, submissions, pointsRequests, uploads, navigations, published])
        list.length = 0;
      failures.clear();
      storage?.removeItem(key);
    },
  };
  return host;
}
