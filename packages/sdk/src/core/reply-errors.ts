/**
 * How a refusal of the host API becomes a `HostError`: one function for the HTTP client and the
 * MockHost, so a widget meets the same error from both. It branches on the body's `code` only (the
 * one error body `{ error, code, message, requestId, field? }`, `message` the zh-CN text):
 * 403 `SHELL_ERR_CAPABILITY_DENIED` becomes `CapabilityDeniedError` for the call's capability, a reply
 * without a code `SDK_ERR_BAD_RESPONSE`, anything else a `HostError` keeping code, status, message,
 * request id and field.
 */
import { type HostApiMethod, METHOD_CAPABILITIES } from '@cunmen/host-api';
import { CapabilityDeniedError, HostError } from './errors.js';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface ReplyContext {
  method: HostApiMethod;
  /** `GET /api/host/v1/store/bookings`, for the English detail. */
  where: string;
  /** The `x-request-id` header, when the body carries none. */
  requestId?: string | undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

export function errorFromReply(status: number, body: unknown, context: ReplyContext): HostError {
  const reply = isObject(body) ? body : {};
  const code = text(reply.code);
  const message = text(reply.message);
  const requestId = text(reply.requestId) ?? context.requestId;
  if (code === undefined) {
    return new HostError({
      code: 'SDK_ERR_BAD_RESPONSE',
      status,
      requestId,
      detail: `${context.where} answered ${status} without a JSON error body { code, message }.`,
    });
  }
  if (status === 403 && code === 'SHELL_ERR_CAPABILITY_DENIED') {
    return new CapabilityDeniedError(METHOD_CAPABILITIES[context.method], { status, requestId, message });
  }
  const why = text(reply.error) ?? message;
  return new HostError({
    code,
    status,
    requestId,
    message,
    field: text(reply.field),
    detail: `${context.where} answered ${status} ${code}${why ? `: ${why}` : ''}`,
  });
}
