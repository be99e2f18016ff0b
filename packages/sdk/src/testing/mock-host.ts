/**
 * `createMockHost`: an in-memory `Host` for tests, stories and the CLI's dev shell. Its `api`
 * (mock-api.ts) behaves like the shell server's host API — the same argument checks, capability
 * enforcement (`CapabilityDeniedError`, status 403), store versions and `SHELL_ERR_VERSION_CONFLICT`
 * (409), newest-first cursor pagination, sign-in for writes, limits and photo types — and the host
 * records what the widget did (`calls`, `submissions`, `pointsRequests`, `uploads`, `navigations`,
 * `published`). With `persist` (e.g. `localStorage`) the store, submissions, points requests and
 * elderly mode survive reloads (mock-store.ts).
 */
import { CAPABILITY_IDS, type Capability } from '@cunmen/manifest';
import { HostError } from '../core/errors.js';
import { createEventHub, type EventBus, type EventHub } from '../core/events.js';
import { createElderlyMode, type Host } from '../core/host.js';
import type { HostApiMethod } from '../core/host-api.js';
import { createDeviceLocation, type GeoPoint } from '../core/location.js';
import type { HostUser, Locale, StoredDoc, Village } from '../core/types.js';
import { checkCollection, checkJson } from '../core/validate.js';
import { createMockApi, type MockCall, type MockModuleHandler, type MockUpload } from './mock-api.js';
import { type MockPointsRequest, type MockStorage, MockStore, type MockSubmission } from './mock-store.js';

export type { MockCall, MockModuleCall, MockModuleHandler, MockUpload } from './mock-api.js';
export type { MockPointsRequest, MockStorage, MockSubmission } from './mock-store.js';

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

export interface MockHostOptions {
  /** Defaults to `@cunmen/example-widget` 0.0.0. */
  widget?: { name?: string; version?: string };
  /** The GRANTED capabilities; defaults to all. Pass the manifest's list to see what review would allow. */
  capabilities?: readonly Capability[];
  /** Defaults to `MOCK_VILLAGE` (330521001001 德清县某村). */
  village?: Village;
  /**
   * Defaults to `MOCK_RESIDENT`; `null` = nobody signed in (store writes, points and uploads are
   * refused, and reads of any collection but a `public` one).
   */
  user?: HostUser | null;
  /** The manifest's `collections`; pass it to see what an anonymous visitor can read. */
  collections?: Readonly<Record<string, { visibility: 'owner' | 'village' | 'public' }>>;
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

function missingModule(call: { method: string; path: string }): never {
  throw new HostError({
    code: 'SDK_ERR_UNEXPECTED',
    detail: `MockHost has no module handler for ${call.method} ${call.path}; pass createMockHost({ module })`,
  });
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
  const store = new MockStore(
    options.persist,
    options.persistKey ?? `cunmen:mock-host:${widget.name}:${village.code}`,
    now,
  );

  const calls: MockCall[] = [];
  const uploads: MockUpload[] = [];
  const navigations: string[] = [];
  const published: Array<{ name: string; payload: unknown }> = [];
  const failures = new Map<HostApiMethod, HostError[]>();
  const api = createMockApi({
    widget,
    user: signedIn,
    store,
    now,
    latencyMs: options.latencyMs ?? 0,
    module: options.module ?? missingModule,
    calls,
    uploads,
    failures,
    collections: options.collections ?? {},
  });

  const hub = options.eventHub ?? createEventHub();
  const bus = hub.forWidget(widget);
  const events: EventBus = {
    publish(name, payload) {
      bus.publish(name, payload);
      published.push({ name, payload: JSON.parse(JSON.stringify(payload)) });
    },
    subscribe: (name, handler) => bus.subscribe(name, handler),
  };

  const elderly = createElderlyMode(store.elderly ?? options.elderly ?? false, (value) => {
    store.elderly = value;
    hub.emit('elderly.changed', { elderly: value });
  });

  return {
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
    submissions: store.submissions,
    pointsRequests: store.pointsRequests,
    uploads,
    navigations,
    published,
    docs<T>(collection: string) {
      return store.docs<T>(checkCollection(collection));
    },
    seed<T>(collection: string, data: T[]) {
      checkCollection(collection);
      return store.seed<T>(
        collection,
        data.map((item) => checkJson('data', item)),
      );
    },
    failNext(method, error) {
      const queue = failures.get(method) ?? [];
      queue.push(
        error ?? new HostError({ code: 'SDK_ERR_NETWORK', detail: `MockHost.failNext('${method}')` }),
      );
      failures.set(method, queue);
    },
    reset() {
      store.reset();
      for (const list of [calls, uploads, navigations, published]) list.length = 0;
      failures.clear();
    },
  };
}
