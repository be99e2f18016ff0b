/**
 * `serviceOps`: the operations surface every Cunmen server registers.
 * - `GET /healthz`: the process runs and its event loop answers (`{ ok: true }`); no dependency is asked,
 *   so a restart is never triggered by a database outage.
 * - `GET /readyz`: every named check answers → 200 with each check's time; else 503 `OPS_ERR_NOT_READY`
 *   naming the failed checks; 503 `OPS_ERR_SHUTTING_DOWN` once a shutdown began, so the load balancer
 *   stops sending before the instance stops listening.
 * - `GET /metrics`: Prometheus text; with `metricsToken`, only for `Authorization: Bearer <token>`.
 * - every response carries `x-request-id` (see request-id.ts for how the id is chosen).
 * Wrapped with fastify-plugin: its hooks must see every route of the service, not only its own.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { errorBody } from '@cunmen/errors';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { opsErrors } from './errors.js';
import { createHttpMetrics } from './metrics.js';
import { type ReadinessCheck, runChecks } from './readiness.js';
import { REQUEST_ID_HEADER } from './request-id.js';

export interface ServiceOpsOptions {
  /** `registry`, `shell`: the `service` label of the HTTP metrics. */
  service: string;
  /** Named probes of the instance's dependencies, e.g. `{ database: () => db.selectOne() }`. */
  checks?: Readonly<Record<string, ReadinessCheck>>;
  /** How long one check may take before it counts as failed; default 2000 ms. */
  checkTimeoutMs?: number;
  /** When set, `/metrics` answers only requests bearing this token. */
  metricsToken?: string;
}

export interface OpsState {
  /** True once a shutdown began: readiness answers 503 from then on. */
  readonly draining: boolean;
  /** Turns readiness to 503 (the first step of a graceful shutdown). */
  drain(): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    ops: OpsState;
  }
}

const DEFAULT_CHECK_TIMEOUT_MS = 2000;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function bearerMatches(header: string | undefined, expected: Buffer): boolean {
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1] !== undefined && timingSafeEqual(digest(m[1]), expected);
}

function refuse(
  request: FastifyRequest,
  reply: FastifyReply,
  code: keyof typeof opsErrors.codes,
  en?: string,
  extra: Record<string, unknown> = {},
) {
  const error = opsErrors.error(code, en === undefined ? undefined : { en });
  return reply
    .code(error.status)
    .header('cache-control', 'no-store')
    .send({ ...errorBody(error, request.id), ...extra });
}

const plugin: FastifyPluginAsync<ServiceOpsOptions> = async (app, options) => {
  const metrics = createHttpMetrics(options.service);
  const checks = options.checks ?? {};
  const timeoutMs = options.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const token = options.metricsToken ? digest(options.metricsToken) : null;
  let draining = false;
  app.decorate('ops', {
    get draining() {
      return draining;
    },
    drain() {
      draining = true;
    },
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  // A keep-alive connection would hold the closing server open until it times out: once draining,
  // every answer (the requests in flight included) asks the client to close the connection.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (draining) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.observe(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { ok: true };
  });

  app.get('/readyz', async (request, reply) => {
    if (draining) return refuse(request, reply, 'OPS_ERR_SHUTTING_DOWN');
    const readiness = await runChecks(checks, timeoutMs);
    if (!readiness.ok) {
      const failed = Object.entries(readiness.checks)
        .filter(([, r]) => !r.ok)
        .map(([name, r]) => `${name} (${r.error})`);
      request.log.warn({ checks: readiness.checks }, 'not ready');
      return refuse(request, reply, 'OPS_ERR_NOT_READY', `not ready: ${failed.join(', ')}`, {
        checks: readiness.checks,
      });
    }
    return reply.header('cache-control', 'no-store').send({ ok: true, checks: readiness.checks });
  });

  app.get('/metrics', async (request, reply) => {
    if (token && !bearerMatches(request.headers.authorization, token)) {
      reply.header('www-authenticate', 'Bearer');
      return refuse(request, reply, 'OPS_ERR_METRICS_TOKEN');
    }
    return reply
      .header('content-type', metrics.contentType)
      .header('cache-control', 'no-store')
      .send(await metrics.text());
  });
};

export const serviceOps = fp(plugin, { name: '@cunmen/service-ops', fastify: '5.x' });
