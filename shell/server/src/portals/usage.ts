/**
 * Usage reports to the registry (`POST /-/cunmen/v1/usage`, province token): written to an outbox
 * first, then sent; a failure is logged and retried with backoff (30 s doubling to 1 h), never failing
 * the save that caused it. The latest report of a village replaces any older one still waiting.
 */
import type { UsageOutbox, UsageReport } from '../storage/types.js';
import type { RegistryClient } from './registry-client.js';

export interface UsageLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const silent: UsageLog = { info: () => undefined, warn: () => undefined };

export class UsageReporter {
  private flushing: Promise<{ delivered: number; failed: number }> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly outbox: UsageOutbox,
    private readonly client: RegistryClient | null,
    private readonly log: UsageLog = silent,
  ) {}

  get enabled(): boolean {
    return this.client?.canReport === true;
  }

  /** Queues the report and starts sending it; resolves once it is queued. */
  async record(report: UsageReport): Promise<void> {
    if (!this.enabled) return;
    await this.outbox.enqueue(report);
    void this.flush();
  }

  /** Sends every due report; concurrent calls share one run. */
  flush(now = new Date()): Promise<{ delivered: number; failed: number }> {
    if (this.stopped) return Promise.resolve({ delivered: 0, failed: 0 });
    if (this.flushing) return this.flushing.then(() => this.flush(now));
    this.flushing = this.run(now).finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async run(now: Date) {
    const client = this.client;
    let delivered = 0;
    let failed = 0;
    if (!client?.canReport) return { delivered, failed };
    for (const report of await this.outbox.due(now)) {
      try {
        await client.reportUsage(report.village, report.widgets);
        await this.outbox.delivered(report);
        delivered++;
      } catch (err) {
        failed++;
        const message = err instanceof Error ? err.message : String(err);
        const delay = Math.min(30_000 * 2 ** report.attempts, 3_600_000);
        await this.outbox.failed(report.village, message, new Date(Date.now() + delay));
        this.log.warn(
          { village: report.village, attempts: report.attempts + 1, err: message },
          'usage report to the registry failed; will retry',
        );
      }
    }
    return { delivered, failed };
  }

  start(intervalMs = 30_000): void {
    if (!this.enabled || this.timer) return;
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
    void this.flush();
  }

  /** Stops sending and waits for a run in progress (before the storage closes). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flushing?.catch(() => undefined);
  }
}
