/**
 * Every error a client can cause, with a stable code (`SHELL_ERR_…`) and the HTTP status it maps to.
 * Clients read `code`; people read `error` (English) or `message['zh-CN']`. A refused portal save names
 * the widget and the field. Client input never gets a 5xx or a stack; unexpected failures are
 * `SHELL_ERR_INTERNAL` with a request id. The list is documented in
 * docs/docs/province/operate-the-shell.md (errors.test.ts keeps the two in step).
 */
export const ERROR_CODES = {
  SHELL_ERR_BAD_REQUEST: 400,
  SHELL_ERR_NOT_FOUND: 404,
  SHELL_ERR_UNAUTHORIZED: 401,
  SHELL_ERR_FORBIDDEN: 403,
  SHELL_ERR_UNKNOWN_VILLAGE: 404,
  SHELL_ERR_NO_PORTAL: 404,
  SHELL_ERR_UNKNOWN_VERSION: 404,
  SHELL_ERR_INVALID_CONFIG: 400,
  SHELL_ERR_WIDGET_NOT_APPROVED: 400,
  SHELL_ERR_BAD_SIGNATURE: 400,
  SHELL_ERR_WIDGET_YANKED: 400,
  SHELL_ERR_SDK_CONFLICT: 409,
  SHELL_ERR_SHARED_CONFLICT: 409,
  SHELL_ERR_UNKNOWN_SLOT: 400,
  SHELL_ERR_UNKNOWN_EXPOSE: 400,
  SHELL_ERR_UNKNOWN_ROUTE: 400,
  SHELL_ERR_WIDGET_CONFIG_INVALID: 400,
  SHELL_ERR_BODY_TOO_LARGE: 413,
  SHELL_ERR_REGISTRY_NOT_CONFIGURED: 503,
  SHELL_ERR_REGISTRY_UNAVAILABLE: 502,
  SHELL_ERR_WEB_NOT_BUILT: 503,
  SHELL_ERR_BAD_LOGIN: 401,
  SHELL_ERR_MFA_REQUIRED: 401,
  SHELL_ERR_BAD_TOTP: 401,
  SHELL_ERR_CSRF: 403,
  SHELL_ERR_RATE_LIMITED: 429,
  SHELL_ERR_OIDC_FAILED: 401,
  SHELL_ERR_OIDC_NOT_CONFIGURED: 404,
  SHELL_ERR_WIDGET_NOT_IN_PORTAL: 404,
  SHELL_ERR_WIDGET_VERSION_MISMATCH: 409,
  SHELL_ERR_TOKEN_INVALID: 401,
  SHELL_ERR_TOKEN_EXPIRED: 401,
  SHELL_ERR_CAPABILITY_DENIED: 403,
  SHELL_ERR_SIGN_IN_REQUIRED: 401,
  SHELL_ERR_INVALID_ARGUMENT: 400,
  SHELL_ERR_VERSION_CONFLICT: 409,
  SHELL_ERR_DOC_TOO_LARGE: 413,
  SHELL_ERR_QUOTA_EXCEEDED: 413,
  SHELL_ERR_MEDIA_TYPE: 415,
  SHELL_ERR_INTERNAL: 500,
} as const;

export type ShellErrorCode = keyof typeof ERROR_CODES;

export interface ShellErrorDetail {
  /** The Chinese message (cadres read it first); defaults to the English one. */
  zh?: string;
  /** The widget the problem is about, e.g. `@deqing/find-machinery`. */
  widget?: string;
  /** Dotted path into the village config, e.g. `widgets[0].placements[1].slot`. */
  field?: string;
}

export class ShellError extends Error {
  readonly code: ShellErrorCode;
  readonly statusCode: number;
  readonly detail: ShellErrorDetail;

  constructor(code: ShellErrorCode, message: string, detail: ShellErrorDetail = {}) {
    super(message);
    this.name = 'ShellError';
    this.code = code;
    this.statusCode = ERROR_CODES[code];
    this.detail = detail;
  }
}

export function shellError(code: ShellErrorCode, en: string, detail: ShellErrorDetail = {}): ShellError {
  return new ShellError(code, en, detail);
}

export interface ErrorBody {
  error: string;
  code: ShellErrorCode;
  message: { 'zh-CN': string; en: string };
  widget?: string;
  field?: string;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

function body(code: ShellErrorCode, en: string, detail: ShellErrorDetail = {}): ErrorBody {
  const out: ErrorBody = { error: en, code, message: { 'zh-CN': detail.zh ?? en, en } };
  if (detail.widget !== undefined) out.widget = detail.widget;
  if (detail.field !== undefined) out.field = detail.field;
  return out;
}

/**
 * Maps anything thrown while handling a request to a status and body. Fastify's own client errors
 * (bad JSON, body too large, unsupported media type) keep their 4xx status under a shell code.
 */
export function toErrorResponse(err: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (err instanceof ShellError) {
    return { status: err.statusCode, body: body(err.code, err.message, err.detail) };
  }
  const e = (err ?? {}) as FastifyLikeError;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: body('SHELL_ERR_BODY_TOO_LARGE', 'request body is larger than the shell accepts', {
        zh: '请求内容过大',
      }),
    };
  }
  if (e.statusCode === 429) {
    return {
      status: 429,
      body: body('SHELL_ERR_RATE_LIMITED', e.message ?? 'too many requests', {
        zh: '请求过于频繁，请稍后再试',
      }),
    };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    const code = e.statusCode === 404 ? 'SHELL_ERR_NOT_FOUND' : 'SHELL_ERR_BAD_REQUEST';
    return { status: e.statusCode, body: body(code, e.message ?? 'bad request') };
  }
  return {
    status: 500,
    body: body('SHELL_ERR_INTERNAL', `internal shell error (request id ${requestId})`, {
      zh: `服务器内部错误（请求编号 ${requestId}）`,
    }),
  };
}
