/**
 * Request ids: an `x-request-id` from the proxy in front (nginx sets one) is kept, so one id follows a
 * request through nginx, the service's log lines, its error body and the response header; anything
 * else gets a fresh UUID. Fastify fixes the id when the request arrives, before any plugin runs, so this
 * is given to the `Fastify()` factory, not registered.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What a forwarded id may look like: short and plain, so it cannot forge a log line or a header. */
const ACCEPTED = /^[A-Za-z0-9._:-]{8,128}$/;

/** The forwarded id when it looks like one, else a new UUID. */
export function requestIdOf(req: Pick<IncomingMessage, 'headers'>): string {
  const given = req.headers[REQUEST_ID_HEADER];
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && ACCEPTED.test(value) ? value : randomUUID();
}

/**
 * Options for `Fastify()`: ids from {@link requestIdOf}, logged under Fastify's `reqId` (what `npm start`
 * and log queries read).
 *
 * @example
 * const app = Fastify({ ...requestIdOptions(), logger: true });
 */
export function requestIdOptions(): {
  genReqId: (req: IncomingMessage) => string;
  requestIdHeader: false;
} {
  return { genReqId: requestIdOf, requestIdHeader: false };
}
