/**
 * Writes a checkpoint (./checkpoint.ts) every `intervalMs` while a server runs, and once at start, so a
 * truncation is caught against a head at most one interval old even when nobody runs `audit checkpoint`.
 */
import type { KeyObject } from 'node:crypto';
import { writeCheckpoint } from './checkpoint.js';
import type { AuditLog } from './types.js';

export interface CheckpointTimer {
  /** Stops the timer and waits for a checkpoint being written. */
  stop(): Promise<void>;
}

export function startCheckpointTimer(options: {
  log: AuditLog;
  dir: string;
  service: string;
  privateKey: KeyObject;
  intervalMs: number;
  /** A failed checkpoint (a broken chain, a full disk) is reported here; the next one still runs. */
  onError(err: unknown): void;
}): CheckpointTimer {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running
      .then(() => writeCheckpoint(options.log, options.dir, options.service, options.privateKey))
      .catch(options.onError);
  };
  const timer = setInterval(tick, options.intervalMs);
  timer.unref();
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
