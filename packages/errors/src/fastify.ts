/**
 * The one mapping from anything thrown in a Fastify route to a status and an {@link ErrorBody}. Used by
 * the registry, the shell server and every standard module's routes. Client mistakes that Fastify or
 * the zod type provider catch (bad JSON, too large, wrong content type, schema failures, rate limits)
 * keep their 4xx under the family's own codes; anything else is the family's internal code with the
 * request id, logged — never a stack trace to the client.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorBody, errorBody } from './body.js';
import { type ErrorFamily, type ErrorTable, isCunmenError } from './define.js';
import { fieldOfPath } from './issues.js';

/** Which of a family's codes stand for the generic HTTP failures. */
export interface GenericCodes<T extends ErrorTable> {
  badRequest: keyof T & string;
  notFound: keyof T & string;
  tooLarge: keyof T & string;
  mediaType: keyof T & string;
  rateLimited: keyof T & string;
  internal: keyof T & string;
}

interface ThrownLike {
  code?: unknown;
  statusCode?: unknown;
  message?: unknown;
  validation?: unknown;
  validationContext?: unknown;
}

interface ValidationEntry {
  instancePath?: string;
  path?: readonly PropertyKey[];
  message?: string;
  params?: { issue?: { path?: readonly PropertyKey[]; message?: string } };
}

function validationDetail(e: ThrownLike): { field: string; en: string } | undefined {
  if (!Array.isArray(e.validation) || e.validation.length === 0) return undefined;
  const where = e.validationContext === 'querystring' ? 'query' : String(e.validationContext ?? 'body');
  const parts = (e.validation as ValidationEntry[]).map((v) => {
    const path =
      v.params?.issue?.path ?? v.path ?? (v.instancePath ? v.instancePath.split('/').filter(Boolean) : []);
    const field = fieldOfPath(path, where);
    return { field, en: `${field}: ${v.params?.issue?.message ?? v.message ?? 'invalid'}` };
  });
  return { field: parts[0]?.field ?? `(${where})`, en: parts.map((p) => p.en).join('; ') };
}

/** The status and body for any thrown value. Errors of other Cunmen families pass through unchanged. */
export function toErrorResponse<T extends ErrorTable>(
  err: unknown,
  requestId: string,
  family: ErrorFamily<T>,
  generic: GenericCodes<T>,
): { status: number; body: ErrorBody; unexpected: boolean } {
  if (isCunmenError(err)) return { status: err.status, body: errorBody(err, requestId), unexpected: false };
  const e = (err ?? {}) as ThrownLike;
  const known = (code: keyof T & string, detail?: { en?: string; field?: string }) => {
    const error = family.error(code, detail);
    return { status: error.status, body: errorBody(error, requestId), unexpected: false };
  };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return known(generic.tooLarge);
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return known(generic.mediaType, { field: 'content-type' });
  if (e.statusCode === 429) return known(generic.rateLimited);
  const validation = validationDetail(e);
  if (validation) return known(generic.badRequest, validation);
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const en = typeof e.message === 'string' && e.message ? e.message : undefined;
    return known(e.statusCode === 404 ? generic.notFound : generic.badRequest, { en });
  }
  const internal = family.error(generic.internal);
  const body = errorBody(internal, requestId);
  body.error = `${internal.message} (request id ${requestId})`;
  body.message = `${internal.zh}（编号 ${requestId}）`;
  return { status: internal.status, body, unexpected: true };
}

export interface ErrorHandlerOptions<T extends ErrorTable> {
  family: ErrorFamily<T>;
  generic: GenericCodes<T>;
  /** Changes the body just before it is sent (the registry adds npm's fields). */
  decorate?: (body: ErrorBody, request: FastifyRequest) => Record<string, unknown>;
}

/**
 * Sets the error and not-found handlers of `app` (call it on the encapsulated instance that serves the
 * family's routes). Unexpected errors are logged with the request id the client sees.
 */
export function installErrorHandler<T extends ErrorTable>(
  app: FastifyInstance,
  options: ErrorHandlerOptions<T>,
): void {
  const send = (request: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody) =>
    reply.status(status).send(options.decorate ? options.decorate(body, request) : body);
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { status, body, unexpected } = toErrorResponse(err, request.id, options.family, options.generic);
    if (unexpected) request.log.error({ err, requestId: request.id }, 'unexpected error');
    return send(request, reply, status, body);
  });
  app.setNotFoundHandler((request, reply) => {
    const error = options.family.error(options.generic.notFound, {
      en: `no route for ${request.method} ${request.url.split('?')[0]}`,
    });
    return send(request, reply, error.status, errorBody(error, request.id));
  });
}
