/**
 * Every error a client can cause, with a stable code (`REG_ERR_…`) and the HTTP status it maps to.
 * Clients read `code`; people read `error` (the npm CLI prints it). A client never gets a 5xx or a
 * stack for its own input; unexpected failures are `REG_ERR_INTERNAL` with a request id.
 * The list is documented in docs/docs/province/run-the-registry.md (a test keeps the two in step).
 */
export const ERROR_CODES = {
  REG_ERR_UNAUTHORIZED: 401,
  REG_ERR_FORBIDDEN_SCOPE: 403,
  REG_ERR_NOT_FOUND: 404,
  REG_ERR_VERSION_EXISTS: 409,
  REG_ERR_BAD_REQUEST: 400,
  REG_ERR_BAD_PUBLISH: 400,
  REG_ERR_NAME_MISMATCH: 400,
  REG_ERR_INVALID_VERSION: 400,
  REG_ERR_INTEGRITY_MISMATCH: 400,
  REG_ERR_SHASUM_MISMATCH: 400,
  REG_ERR_BAD_TARBALL: 400,
  REG_ERR_UNSAFE_TARBALL: 400,
  REG_ERR_MANIFEST_MISSING: 400,
  REG_ERR_MANIFEST_INVALID: 400,
  REG_ERR_SDK_UNSUPPORTED: 400,
  REG_ERR_FORBIDDEN: 403,
  REG_ERR_NOT_PENDING: 409,
  REG_ERR_IN_USE: 409,
  REG_ERR_UNPUBLISH_WINDOW: 409,
  REG_ERR_BAD_LOGIN: 401,
  REG_ERR_RATE_LIMITED: 429,
  REG_ERR_NOT_APPROVED: 400,
  REG_ERR_BODY_TOO_LARGE: 413,
  REG_ERR_INTERNAL: 500,
} as const;

export type RegistryErrorCode = keyof typeof ERROR_CODES;

export class RegistryError extends Error {
  readonly code: RegistryErrorCode;
  readonly statusCode: number;

  constructor(code: RegistryErrorCode, message: string) {
    super(message);
    this.name = 'RegistryError';
    this.code = code;
    this.statusCode = ERROR_CODES[code];
  }
}

export function regError(code: RegistryErrorCode, message: string): RegistryError {
  return new RegistryError(code, message);
}

export interface ErrorBody {
  error: string;
  code: RegistryErrorCode;
}

interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message?: string;
}

/**
 * Maps anything thrown while handling a request to a status and body. Fastify's own client errors
 * (bad JSON, body too large, unsupported media type) keep their 4xx status under a registry code.
 */
export function toErrorResponse(err: unknown, requestId: string): { status: number; body: ErrorBody } {
  if (err instanceof RegistryError) {
    return { status: err.statusCode, body: { error: err.message, code: err.code } };
  }
  const e = (err ?? {}) as FastifyLikeError;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    return {
      status: 413,
      body: { error: 'request body is larger than the registry accepts', code: 'REG_ERR_BODY_TOO_LARGE' },
    };
  }
  if (e.statusCode === 429) {
    return {
      status: 429,
      body: { error: e.message ?? 'too many requests', code: 'REG_ERR_RATE_LIMITED' },
    };
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return {
      status: e.statusCode,
      body: {
        error: e.message ?? 'bad request',
        code: e.statusCode === 404 ? 'REG_ERR_NOT_FOUND' : 'REG_ERR_BAD_REQUEST',
      },
    };
  }
  return {
    status: 500,
    body: { error: `internal registry error (request id ${requestId})`, code: 'REG_ERR_INTERNAL' },
  };
}
