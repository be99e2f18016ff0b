/**
 * Usage reports waiting for the registry, one row per village (the latest report replaces older ones).
 * Several instances drain it; each report is claimed by one of them before it is sent.
 */
import type { Kysely } from 'kysely';
import type { UsageOutbox, UsageReport } from '../types.js';
import type { Database } from './schema.js';

/** How long a claimed report is left to its sender before another instance may send it. */
const CLAIM_MS = 5 * 60_000;

export class SqlUsageOutbox implements UsageOutbox {
  constructor(private readonly db: Kysely<Database>) {}

  async enqueue(report: UsageReport): Promise<void> {
    const widgets = JSON.stringify(report.widgets);
    const now = new Date().toISOString();
    await this.db
      .insertInto('usage_outbox')
      .values({ village: report.village, widgets, attempts: 0, last_error: null, next_attempt_at: now })
      .onConflict((oc) =>
        oc.column('village').doUpdateSet({ widgets, attempts: 0, last_error: null, next_attempt_at: now }),
      )
      .execute();
  }

  async due(now: Date, leaseMs = CLAIM_MS) {
    const rows = await this.db
      .selectFrom('usage_outbox')
      .selectAll()
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('next_attempt_at')
      .execute();
    const until = new Date(now.getTime() + leaseMs).toISOString();
    const claimed = [];
    for (const r of rows) {
      // Claimed only if nobody changed the row since it was read: another instance's claim, a failure
      // or a newer report all change next_attempt_at or widgets.
      const result = await this.db
        .updateTable('usage_outbox')
        .set({ next_attempt_at: until })
        .where('village', '=', r.village)
        .where('widgets', '=', r.widgets)
        .where('next_attempt_at', '=', r.next_attempt_at)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) continue;
      claimed.push({
        village: r.village,
        widgets: JSON.parse(r.widgets) as UsageReport['widgets'],
        attempts: r.attempts,
      });
    }
    return claimed;
  }

  async delivered(report: UsageReport): Promise<void> {
    await this.db
      .deleteFrom('usage_outbox')
      .where('village', '=', report.village)
      .where('widgets', '=', JSON.stringify(report.widgets))
      .execute();
  }

  async failed(village: string, error: string, nextAttemptAt: Date): Promise<void> {
    await this.db
      .updateTable('usage_outbox')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 500),
        next_attempt_at: nextAttemptAt.toISOString(),
      }))
      .where('village', '=', village)
      .execute();
  }

  async pending(): Promise<number> {
    const row = await this.db
      .selectFrom('usage_outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }
}
