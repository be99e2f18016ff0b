/**
 * Errors a module route raises for input a client can cause. They reach the widget in the SDK's error
 * format `{ error (English), code, message (zh-CN), requestId, field? }` with the given status, so the
 * resident or cadre reads which field was wrong and nothing changed. Codes are the module's own,
 * prefixed with its id in capitals (`COMPLAINTS_ERR_…`); the shared ones here are `MODULE_ERR_…`.
 */
import type { z } from 'zod';

export class ModuleError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly zh: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ModuleError';
  }
}

export function moduleError(
  status: number,
  code: string,
  en: string,
  zh: string,
  field?: string,
): ModuleError {
  return new ModuleError(status, code, en, zh, field);
}

export const unauthenticated = () =>
  moduleError(401, 'MODULE_ERR_SIGN_IN_REQUIRED', 'this call needs a signed-in user', '请先登录');

export const forbidden = (en: string, zh: string) => moduleError(403, 'MODULE_ERR_FORBIDDEN', en, zh);

export const notFound = (what: string, zh: string) => moduleError(404, 'MODULE_ERR_NOT_FOUND', what, zh);

/** Parses `value` with `schema`; the first issue becomes a 400 naming its field. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, where = 'body'): T {
  const result = schema.safeParse(value ?? (where === 'body' ? {} : value));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : `(${where})`;
  const why = issue?.message ?? 'invalid';
  throw moduleError(
    400,
    'MODULE_ERR_INVALID_ARGUMENT',
    `${field}: ${why}`,
    `${field}：填写有误（${why}）`,
    field,
  );
}

export interface ModuleErrorBody {
  error: string;
  code: string;
  message: string;
  requestId: string;
  field?: string;
}

/** The status and SDK-format body for any error thrown in a module route. */
export function toModuleErrorResponse(
  err: unknown,
  requestId: string,
): { status: number; body: ModuleErrorBody } {
  if (err instanceof ModuleError) {
    return {
      status: err.status,
      body: {
        error: err.message,
        code: err.code,
        message: err.zh,
        requestId,
        ...(err.field !== undefined ? { field: err.field } : {}),
      },
    };
  }
  const e = err as { statusCode?: number; code?: string; message?: string };
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: {
        error: 'request body is too large',
        code: 'MODULE_ERR_TOO_LARGE',
        message: '内容过大',
        requestId,
      },
    };
  }
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return {
      status: 415,
      body: {
        error: 'this content type is not accepted here',
        code: 'MODULE_ERR_MEDIA_TYPE',
        message: '不支持的文件类型',
        requestId,
        field: 'content-type',
      },
    };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return {
      status: e.statusCode,
      body: {
        error: e.message ?? 'bad request',
        code: 'MODULE_ERR_BAD_REQUEST',
        message: '请求有误',
        requestId,
      },
    };
  }
  return {
    status: 500,
    body: {
      error: `internal error (request id ${requestId})`,
      code: 'MODULE_ERR_INTERNAL',
      message: `系统出错，请稍后再试（编号 ${requestId}）`,
      requestId,
    },
  };
}
