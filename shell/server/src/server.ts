/**
 * Starts the shell on a port, retries usage reports in the background and re-resolves portals on a
 * timer. With several instances on one database, the refresh runs on one of them per interval (a lease)
 * and each usage report is claimed by one sender (storage/sql/usage-outbox). SIGTERM/SIGINT: readiness
 * turns 503, requests in flight finish, then the stores close (`@cunmen/service-ops`).
 * `CUNMEN_METRICS_TOKEN` guards `GET /metrics`. Every hour (by default) the audit log's head is signed into
 * a checkpoint file under the data directory (storage/audit-checkpoints.ts).
 */
import { randomUUID } from 'node:crypto';
import { startCheckpointTimer } from '@cunmen/audit-log';
import { handleShutdownSignals } from '@cunmen/service-ops';
import type { FastifyInstance } from 'fastify';
import { buildApp, type ShellOptions } from './app.js';
import { SHELL_AUDIT_SERVICE, shellCheckpointDir, shellCheckpointKey } from './storage/audit-checkpoints.js';

export interface ServeOptions extends ShellOptions {
  port: number;
  host: string;
  /** Minutes between re-resolving every current portal (yanks and deprecations); 0 turns it off. */
  refreshMinutes?: number;
  /** Minutes between signed checkpoints of the audit log's head (`<data>/audit-checkpoints/`); 0: none. */
  auditCheckpointMinutes?: number;
  /** The staff console's port (with `console`): its own origin, apart from the residents'. */
  consolePort?: number;
}

export async function serve(options: ServeOptions): Promise<void> {
  const app = await buildApp({
    logger: true,
    metricsToken: process.env.CUNMEN_METRICS_TOKEN || undefined,
    ...options,
  });
  if (!options.registryUrl) {
    app.log.warn('no --registry: portals are served and can be rolled back, but not saved');
  }
  if (!options.provinceKeyPem) {
    app.log.warn("no --province-key: residents' browsers will load no widget (pin the province key)");
  }
  if (options.registryUrl && !options.registryToken) {
    app.log.warn('no --registry-token-file: portal usage is not reported to the registry');
  }
  if (!options.adminToken) app.log.warn('no --admin-token-file: the admin API refuses every request');
  const address = await app.listen({ port: options.port, host: options.host });
  if (app.console && options.console) {
    await app.console.listen({ port: options.consolePort ?? 0, host: options.host });
    const hosts = [options.publicUrl ?? address, options.console.url].map((u) => new URL(u).hostname);
    if (hosts[0] === hosts[1]) {
      app.log.warn(
        'the console and the resident portal share a host name: browsers send cookies to every port of a host, so give the console its own host name (--console-url)',
      );
    }
    process.stdout.write(`cunmen-shell console on ${options.console.url}\n`);
  }
  app.shell.usage.start();
  // Modules' timers (SLA escalation, due reminders): one instance runs each job per interval.
  app.shell.scheduler.start();
  const refreshMinutes = options.refreshMinutes ?? 60;
  const refresh =
    options.registryUrl && refreshMinutes > 0 ? refreshTimer(app, refreshMinutes * 60_000) : null;
  const checkpointMinutes = options.auditCheckpointMinutes ?? 60;
  const checkpoints =
    options.dataDir && checkpointMinutes > 0
      ? startCheckpointTimer({
          log: app.shell.storage.audit,
          dir: shellCheckpointDir(options.dataDir),
          service: SHELL_AUDIT_SERVICE,
          privateKey: shellCheckpointKey(options.dataDir).privateKey,
          intervalMs: checkpointMinutes * 60_000,
          onError: (err) => app.log.error({ err }, 'audit checkpoint failed'),
        })
      : null;
  process.stdout.write(`cunmen-shell listening on ${address.replace('127.0.0.1', 'localhost')}\n`);
  handleShutdownSignals(app, {
    beforeClose: async () => {
      await app.shell.scheduler.stop();
      if (refresh) clearInterval(refresh);
      await checkpoints?.stop();
    },
  });
}

/** The lease the portal refresh runs under: one instance per interval refreshes every portal. */
export const REFRESH_LEASE = 'portal-refresh';

/**
 * Every instance ticks; the one that takes the lease refreshes. The lease lasts a little less than the
 * interval and is not given back, so the holder renews it at its next tick and the others skip until it
 * lapses (its holder stopped): each interval's refresh runs once, not once per instance.
 */
export function refreshTimer(app: FastifyInstance, intervalMs: number): NodeJS.Timeout {
  const holder = randomUUID();
  let refreshing = false;
  const timer = setInterval(() => {
    if (refreshing) return;
    refreshing = true;
    app.shell.storage.leases
      .acquire(REFRESH_LEASE, holder, Math.floor(intervalMs * 0.9))
      .then(async (held) => {
        if (!held) return;
        const changed = await app.shell.portals.refreshAll(app.log);
        app.log.info({ changed }, 'portals refreshed');
      })
      .catch((err: unknown) => app.log.warn({ err }, 'portal refresh failed'))
      .finally(() => {
        refreshing = false;
      });
  }, intervalMs);
  timer.unref();
  return timer;
}
