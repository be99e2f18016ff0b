/**
 * Rate-limit counters in the shared database, for `@fastify/rate-limit` (its `store` option): with
 * several instances behind a load balancer a limit of 10 sign-ins a minute must mean 10, not 10 per
 * instance. A fixed window per key, counted by one upsert (the window restarts once it has ended), so
 * concurrent requests on any instance each see their own count.
 */
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

interface Counted {
  current: number;
  ttl: number;
}
type Callback = (err: Error | null, result?: Counted) => void;

/** Every this many counts, windows that ended an hour ago are deleted (any instance may do it). */
const SWEEP_EVERY = 500;

export class SqlRateLimits {
  private counted = 0;

  constructor(private readonly db: Kysely<Database>) {}

  async hit(key: string, windowMs: number, now = Date.now()): Promise<Counted> {
    const ends = now + windowMs;
    const row = await this.db
      .insertInto('shell_rate_limits')
      .values({ key, hits: 1, window_ends: ends })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          hits: eb
            .case()
            .when('shell_rate_limits.window_ends', '<=', now)
            .then(1)
            .else(eb('shell_rate_limits.hits', '+', 1))
            .end(),
          window_ends: eb
            .case()
            .when('shell_rate_limits.window_ends', '<=', now)
            .then(ends)
            .else(eb.ref('shell_rate_limits.window_ends'))
            .end(),
        })),
      )
      .returning(['hits', 'window_ends'])
      .executeTakeFirstOrThrow();
    if (++this.counted % SWEEP_EVERY === 0) {
      await this.db
        .deleteFrom('shell_rate_limits')
        .where('window_ends', '<', now - 3_600_000)
        .execute();
    }
    return { current: Number(row.hits), ttl: Math.max(0, Number(row.window_ends) - now) };
  }

  async peek(key: string, now = Date.now()): Promise<Counted> {
    const row = await this.db
      .selectFrom('shell_rate_limits')
      .select(['hits', 'window_ends'])
      .where('key', '=', key)
      .executeTakeFirst();
    if (!row || Number(row.window_ends) <= now) return { current: 0, ttl: 0 };
    return { current: Number(row.hits), ttl: Number(row.window_ends) - now };
  }

  /**
   * A `store` constructor for `@fastify/rate-limit`; each route's counters get `namespace` (the origin
   * they are served on: the resident app and the console have routes in common) and the route as a prefix.
   */
  storeClass(namespace: string): FastifyRateLimitStoreCtor {
    const limits = this;
    return class SharedRateLimitStore {
      private readonly prefix: string;
      // The plugin builds the root store with its options; `child` builds one per route with a prefix.
      constructor(prefix?: unknown) {
        this.prefix = typeof prefix === 'string' ? prefix : `${namespace}|`;
      }
      incr(key: string, cb: Callback, timeWindow: number) {
        limits.hit(`${this.prefix}${key}`, timeWindow).then((r) => cb(null, r), cb);
      }
      read(key: string, cb: Callback) {
        limits.peek(`${this.prefix}${key}`).then((r) => cb(null, r), cb);
      }
      // The plugin hands over the route's merged options, with the route under `routeInfo` (typed as
      // the route options themselves): either way, its method and URL name the counters.
      child(options: object) {
        type Route = { method?: string | string[]; url?: string };
        const route = (options as { routeInfo?: Route }).routeInfo ?? (options as Route);
        const method = [route.method ?? ''].flat().join(',');
        return new SharedRateLimitStore(`${namespace}|${method} ${route.url ?? ''}|`);
      }
    };
  }
}
