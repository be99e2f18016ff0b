/** Usage reports waiting for the registry, one row per village (the latest report replaces older ones). */
import type { Kysely } from 'kysely';
import type { UsageOutbox, UsageReport } from '../types.js';
import type { Database } from './schema.js';

export class SqliteUsageOutbox implements UsageOutbox {
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

  async due(now: Date) {
    const rows = await this.db
      .selectFrom('usage_outbox')
      .selectAll()
      .where('next_attempt_at', '<=', now.toISOString())
      .orderBy('next_attempt_at')
      .execute();
    return rows.map((r) => ({
      village: r.village,
      widgets: JSON.parse(r.widgets) as UsageReport['widgets'],
      attempts: r.attempts,
    }));
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
