/**
 * Graceful shutdown on SIGTERM/SIGINT, in the order a load balancer needs:
 * 1. readiness turns 503 (`app.ops.drain()`), and the instance waits `drainDelayMs` for the balancer to
 *    notice (nginx in front retries the next instance on a refused connection, so 0 is fine there);
 * 2. `app.close()`: the server stops accepting connections, idle keep-alive connections are closed, the
 *    requests in flight run to their end;
 * 3. the app's `onClose` hooks close the stores (database pool, object store client) after the server
 *    closed, so no request in flight loses its database;
 * 4. after `timeoutMs` the connections still open are cut, so a hung request cannot stall a deploy.
 * Signals that arrive during the shutdown are ignored: Ctrl-C reaches every process of a terminal's group
 * and a supervisor then sends its own SIGTERM, which must not cut the requests in flight. The timeout
 * bounds the shutdown; SIGKILL is always there.
 */
import type { FastifyInstance } from 'fastify';

export interface GracefulShutdownOptions {
  /** Longest wait for requests in flight; default 25 s (inside the usual 30 s before a SIGKILL). */
  timeoutMs?: number;
  /** Time between readiness turning 503 and the server closing; default 0. */
  drainDelayMs?: number;
  signals?: readonly NodeJS.Signals[];
  /** Runs as the shutdown begins, e.g. to stop background timers that would start new work. */
  beforeClose?: () => unknown;
  /** Ends the process; default `process.exit`. */
  exit?: (code: number) => void;
}

/** Installs the signal handlers; returns the shutdown itself (to call without a signal, e.g. in tests). */
export function handleShutdownSignals(
  app: FastifyInstance,
  options: GracefulShutdownOptions = {},
): (reason: string) => Promise<void> {
  const timeoutMs = options.timeoutMs ?? 25_000;
  const drainDelayMs = options.drainDelayMs ?? 0;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let running: Promise<void> | null = null;

  const shutdown = (reason: string): Promise<void> => {
    if (running) {
      app.log.info({ reason }, 'already shutting down');
      return running;
    }
    running = (async () => {
      app.log.info({ reason, timeoutMs }, 'shutting down: readiness 503, finishing requests in flight');
      app.ops?.drain();
      await options.beforeClose?.();
      if (drainDelayMs > 0) await new Promise((r) => setTimeout(r, drainDelayMs));
      const force = setTimeout(() => {
        app.log.warn({ timeoutMs }, 'requests still running after the shutdown timeout: cutting them');
        app.server.closeAllConnections();
      }, timeoutMs);
      force.unref();
      let code = 0;
      try {
        await app.close();
      } catch (err) {
        app.log.error({ err }, 'error while closing');
        code = 1;
      } finally {
        clearTimeout(force);
      }
      for (const signal of signals) process.removeListener(signal, onSignal);
      exit(code);
    })();
    return running;
  };
  const onSignal = (signal: NodeJS.Signals) => {
    void shutdown(signal);
  };
  for (const signal of signals) process.on(signal, onSignal);
  return shutdown;
}
