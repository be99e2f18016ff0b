/**
 * The shell's timer for modules' periodic work (`ctx.schedule`): SLA escalation, due and overdue
 * reminders — things that must happen when a time limit passes, not when the next request happens to
 * touch the case.
 *
 * Every `tickMs` the scheduler runs each job whose interval has come round, at the clock's time (the
 * clock is injected, so a test moves it and calls `tick()` itself). In the embedded default it runs the
 * jobs in-process. With several instances on one PostgreSQL each job is run by one of them per interval:
 * before running, an instance takes the job's lease (storage/sql/leases.ts) for a little less than the
 * interval and does not give it back, so the others skip it until it lapses — the refresh pattern of
 * server.ts. A holder that stops lets its lease lapse and another instance takes the job over.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduledJob } from '@cunmen/module-api';
import type { FastifyBaseLogger } from 'fastify';
import type { Leases } from '../storage/types.js';

export const DEFAULT_TICK_MS = 60_000;

export interface SchedulerOptions {
  /** Shared leases when several instances use one database; null in the embedded default. */
  leases: Leases | null;
  now: () => Date;
  log: FastifyBaseLogger;
  /** How often `start()` ticks (default 60 s). */
  tickMs?: number;
}

/** What one tick did with each due job (for logs and tests). */
export type TickOutcome = Record<string, 'ran' | 'held-elsewhere' | 'failed'>;

export class Scheduler {
  private readonly jobs = new Map<string, ScheduledJob>();
  private readonly nextAt = new Map<string, number>();
  private readonly holder = randomUUID();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<TickOutcome> | null = null;

  constructor(private readonly options: SchedulerOptions) {}

  /** Adds a job; a job of the same name (a module mounted on the console too) replaces it. */
  add(job: ScheduledJob): void {
    this.jobs.set(job.name, job);
  }

  names(): string[] {
    return [...this.jobs.keys()].sort();
  }

  /** Runs every due job once; a tick still running is joined, not doubled. */
  tick(): Promise<TickOutcome> {
    this.running ??= this.runDue().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      void this.tick();
    }, this.options.tickMs ?? DEFAULT_TICK_MS);
    this.timer.unref();
  }

  /** Stops the timer and waits for a tick in progress (graceful shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async runDue(): Promise<TickOutcome> {
    const outcome: TickOutcome = {};
    for (const job of this.jobs.values()) {
      const now = this.options.now();
      if (now.getTime() < (this.nextAt.get(job.name) ?? 0)) continue;
      this.nextAt.set(job.name, now.getTime() + job.everyMs);
      try {
        const leases = this.options.leases;
        const held = leases
          ? await leases.acquire(`job:${job.name}`, this.holder, Math.floor(job.everyMs * 0.9), now)
          : true;
        if (!held) {
          outcome[job.name] = 'held-elsewhere';
          continue;
        }
        await job.run(now);
        outcome[job.name] = 'ran';
      } catch (err) {
        outcome[job.name] = 'failed';
        this.options.log.error({ err, job: job.name }, 'a scheduled job failed');
      }
    }
    return outcome;
  }
}
