/**
 * `@fastify/rate-limit`'s store over the registry's `RateLimitStore`: counters in the database, shared
 * by every instance. Each limited route counts apart (the key is the route and the client address).
 */
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitStore } from '../storage/types.js';

type Callback = (err: Error | null, result?: { current: number; ttl: number }) => void;

interface RouteParams {
  routeInfo?: { method?: string | string[]; url?: string };
}

export function sharedRateLimitStore(store: RateLimitStore): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore {
    private readonly route: string;

    /** The plugin constructs the store with its options; `child` names the route. */
    constructor(routeOrOptions: unknown = '') {
      this.route = typeof routeOrOptions === 'string' ? routeOrOptions : '';
    }

    incr(key: string, cb: Callback, timeWindow: number): void {
      store.hit(`${this.route}|${key}`, timeWindow).then(
        (r) => cb(null, { current: r.count, ttl: Math.max(0, r.resetAt - Date.now()) }),
        (err: Error) => cb(err),
      );
    }

    child(params: object): SharedRateLimitStore {
      const info = (params as RouteParams).routeInfo ?? {};
      return new SharedRateLimitStore(`${String(info.method ?? '')} ${info.url ?? ''}`);
    }
  }
  return SharedRateLimitStore as unknown as FastifyRateLimitStoreCtor;
}
