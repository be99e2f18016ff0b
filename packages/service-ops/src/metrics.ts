/**
 * Prometheus metrics: request counts and durations by route pattern (`/:scope/:pkg`, never the concrete
 * URL, so a scan of random paths cannot grow the series without bound) and status, plus Node's process
 * metrics. The HTTP series live in a registry per app (tests build many apps in one process); the
 * process series are collected once per process, since they describe the process, not an app.
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** The route label of requests that matched no route. */
export const UNMATCHED_ROUTE = '(unmatched)';

let processRegistry: Registry | undefined;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface HttpMetrics {
  observe(method: string, route: string | undefined, status: number, seconds: number): void;
  /** The exposition text: this app's HTTP series, then the process series. */
  text(): Promise<string>;
  readonly contentType: string;
}

export function createHttpMetrics(service: string): HttpMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from request to response, by method, route pattern and status',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const process = processMetrics();
  return {
    observe(method, route, status, seconds) {
      const labels = { method, route: route ?? UNMATCHED_ROUTE, status_code: String(status) };
      requests.inc(labels);
      duration.observe(labels, seconds);
    },
    async text() {
      return `${await registry.metrics()}\n${await process.metrics()}`;
    },
    contentType: registry.contentType,
  };
}
