/**
 * Rate-limit counters as rows: one atomic upsert per attempt (`insert … on conflict do update …
 * returning`, the same SQL on SQLite and PostgreSQL), so concurrent attempts on several instances are
 * all counted and none is lost.
 */
import { type Kysely, sql } from 'kysely';
import type { RateLimitStore } from '../types.js';
import type { Database } from './schema.js';

export class SqlRateLimitStore implements RateLimitStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async hit(key: string, windowMs: number): Promise<{ count: number; resetAt: number }> {
    const now = this.now();
    const expired = sql<boolean>`rate_limits.window_start + ${windowMs} <= ${now}`;
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, count: 1, window_start: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when ${expired} then 1 else rate_limits.count + 1 end`,
          window_start: sql<number>`case when ${expired} then ${now} else rate_limits.window_start end`,
        }),
      )
      .returning(['count', 'window_start'])
      .executeTakeFirstOrThrow();
    return { count: Number(row.count), resetAt: Number(row.window_start) + windowMs };
  }
}
