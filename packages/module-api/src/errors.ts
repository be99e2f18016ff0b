/**
 * The errors every standard module shares (`MODULE_ERR_…`): sign-in, roles, input, and what Fastify
 * refuses before a route runs. A module's own codes are a family of its own, prefixed with its id in
 * capitals (`COMPLAINTS_ERR_…`). All reach the widget in the one body
 * `{ error (English), code, message (zh-CN), requestId, field? }`, so the resident or cadre reads which
 * field was wrong and nothing changed.
 */
import { CunmenError, defineErrors, type ErrorDetail, type IssueLike, parseWith } from '@cunmen/errors';

export const MODULE_DOCS_PAGE = '/docs/developers/standard-modules';

export const moduleErrors = defineErrors('MODULE', MODULE_DOCS_PAGE, {
  MODULE_ERR_INVALID_ARGUMENT: { status: 400, en: 'an input is invalid', zh: '填写有误' },
  MODULE_ERR_BAD_REQUEST: { status: 400, en: 'bad request', zh: '请求有误' },
  MODULE_ERR_SIGN_IN_REQUIRED: { status: 401, en: 'this call needs a signed-in user', zh: '请先登录' },
  MODULE_ERR_FORBIDDEN: { status: 403, en: 'you may not do this', zh: '您的账号没有这项操作的权限' },
  MODULE_ERR_NOT_FOUND: { status: 404, en: 'not found', zh: '没有找到' },
  MODULE_ERR_TOO_LARGE: { status: 413, en: 'request body is too large', zh: '内容过大' },
  MODULE_ERR_MEDIA_TYPE: {
    status: 415,
    en: 'this content type is not accepted here',
    zh: '不支持的文件类型',
  },
  MODULE_ERR_RATE_LIMITED: { status: 429, en: 'too many requests', zh: '操作太频繁，请稍后再试' },
  MODULE_ERR_INTERNAL: { status: 500, en: 'internal error', zh: '系统出错，请稍后再试' },
});

export type ModuleErrorCode = keyof typeof moduleErrors.codes;

/** Which shared codes stand for the failures Fastify raises before a module route runs. */
export const MODULE_GENERIC_CODES = {
  badRequest: 'MODULE_ERR_BAD_REQUEST',
  notFound: 'MODULE_ERR_NOT_FOUND',
  tooLarge: 'MODULE_ERR_TOO_LARGE',
  mediaType: 'MODULE_ERR_MEDIA_TYPE',
  rateLimited: 'MODULE_ERR_RATE_LIMITED',
  internal: 'MODULE_ERR_INTERNAL',
} as const satisfies Record<string, ModuleErrorCode>;

export const unauthenticated = () => moduleErrors.error('MODULE_ERR_SIGN_IN_REQUIRED');

export const forbidden = (en: string, zh: string) => moduleErrors.error('MODULE_ERR_FORBIDDEN', { en, zh });

export const notFound = (en: string, zh: string) => moduleErrors.error('MODULE_ERR_NOT_FOUND', { en, zh });

/**
 * An error with any family's code and status, for a caller that relays an error it did not define
 * (the shell turns a refused widget credential into the module's answer with it). Modules throw their
 * own family's errors instead.
 */
export function moduleError(
  status: number,
  code: string,
  en: string,
  zh: string,
  field?: string,
): CunmenError {
  const detail: ErrorDetail = field === undefined ? {} : { field };
  return new CunmenError(code, { status, en, zh }, MODULE_DOCS_PAGE, detail);
}

/** What `parseInput` needs of a schema: zod's `safeParse` (any zod schema has it). */
export interface ZodLike<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly IssueLike[] } };
}

/**
 * Parses `value` (an absent body counts as `{}`) with a zod schema; the first issue becomes a
 * `MODULE_ERR_INVALID_ARGUMENT` naming its field, the English text lists every issue.
 */
export function parseInput<T>(schema: ZodLike<T>, value: unknown, where = 'body'): T {
  const input = value ?? (where === 'body' ? {} : value);
  return parseWith(schema, input, moduleErrors, 'MODULE_ERR_INVALID_ARGUMENT', where);
}
