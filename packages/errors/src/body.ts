/**
 * The one error body every Cunmen HTTP API answers with, and that every client (SDK, CLI, shell web,
 * console) reads: `error` English for developers (the npm CLI prints it), `code` to branch on,
 * `message` zh-CN for people, `requestId` to find the server's log line, `field` when one input was
 * refused, `widget` when a portal problem is about one widget.
 */
import type { CunmenError } from './define.js';

export interface ErrorBody {
  error: string;
  code: string;
  message: string;
  requestId: string;
  field?: string;
  widget?: string;
}

export function errorBody(err: CunmenError, requestId: string): ErrorBody {
  const body: ErrorBody = { error: err.message, code: err.code, message: err.zh, requestId };
  if (err.field !== undefined) body.field = err.field;
  if (err.widget !== undefined) body.widget = err.widget;
  return body;
}

/** True when `value` has the shape of an {@link ErrorBody} (what a client checks before trusting it). */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.error === 'string' && typeof v.message === 'string';
}
