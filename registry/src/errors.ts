/**
 * Every error a client can cause, as one family of `@cunmen/errors`: a stable code (`REG_ERR_…`), the
 * HTTP status it maps to, and default texts — English for developers (the npm CLI prints `error`) and
 * zh-CN for people. Clients branch on `code`. A client never gets a 5xx or a stack for its own input;
 * unexpected failures are `REG_ERR_INTERNAL` with a request id. Each code is documented in
 * docs/docs/province/run-the-registry.md (`errors.test.ts` keeps the two in step).
 */
import { type CunmenError, defineErrors, docsLinkOf, type ErrorBody } from '@cunmen/errors';

export const registryErrors = defineErrors('REG', '/docs/province/run-the-registry', {
  REG_ERR_UNAUTHORIZED: { status: 401, en: 'authentication required', zh: '需要有效的仓库令牌' },
  REG_ERR_FORBIDDEN_SCOPE: {
    status: 403,
    en: 'the token may not write to this scope',
    zh: '该令牌无权发布到此作用域',
  },
  REG_ERR_NOT_FOUND: { status: 404, en: 'not found', zh: '没有找到' },
  REG_ERR_VERSION_EXISTS: { status: 409, en: 'this version was published before', zh: '该版本已发布过' },
  REG_ERR_BAD_REQUEST: { status: 400, en: 'bad request', zh: '请求有误' },
  REG_ERR_BAD_PUBLISH: {
    status: 400,
    en: 'the body is not an npm publish document',
    zh: '发布请求格式有误',
  },
  REG_ERR_NAME_MISMATCH: { status: 400, en: 'the names do not agree', zh: '包名或版本前后不一致' },
  REG_ERR_INVALID_VERSION: { status: 400, en: 'the version is not semver', zh: '版本号不是有效的语义化版本' },
  REG_ERR_INTEGRITY_MISMATCH: {
    status: 400,
    en: "the tarball's sha512 differs from dist.integrity",
    zh: '压缩包的 sha512 与声明不符',
  },
  REG_ERR_SHASUM_MISMATCH: {
    status: 400,
    en: "the tarball's sha1 differs from dist.shasum",
    zh: '压缩包的 sha1 与声明不符',
  },
  REG_ERR_BAD_TARBALL: { status: 400, en: 'the attachment is not a readable tarball', zh: '压缩包无法读取' },
  REG_ERR_UNSAFE_TARBALL: { status: 400, en: 'the tarball is unsafe', zh: '压缩包含有不安全的内容' },
  REG_ERR_MANIFEST_MISSING: {
    status: 400,
    en: 'the tarball has no dist/cunmen.json',
    zh: '压缩包缺少 dist/cunmen.json，请先运行 cunmen build',
  },
  REG_ERR_MANIFEST_INVALID: {
    status: 400,
    en: 'dist/cunmen.json is invalid',
    zh: 'dist/cunmen.json 校验未通过',
  },
  REG_ERR_HOME_ROUTE_BUDGET: {
    status: 400,
    en: "the widget's home route is above the province's size limit",
    zh: '组件首页磁贴的代码体积超过本省上限',
  },
  REG_ERR_SDK_UNSUPPORTED: {
    status: 400,
    en: "the widget's SDK range is not supported",
    zh: '组件要求的 SDK 版本不受本省支持',
  },
  REG_ERR_FORBIDDEN: {
    status: 403,
    en: "the token's role may not do this",
    zh: '该账号的角色无权执行此操作',
  },
  REG_ERR_NOT_PENDING: { status: 409, en: 'the version is not pending review', zh: '该版本不在待审核状态' },
  REG_ERR_IN_USE: { status: 409, en: 'a village portal uses this version', zh: '该版本正被村级门户使用' },
  REG_ERR_UNPUBLISH_WINDOW: {
    status: 409,
    en: 'the version was published more than 72 hours ago',
    zh: '该版本发布已超过 72 小时，不能撤回',
  },
  REG_ERR_ACCOUNT_EXISTS: {
    status: 409,
    en: 'the user name or scope belongs to another user',
    zh: '该用户名或作用域已被占用',
  },
  REG_ERR_BAD_LOGIN: { status: 401, en: 'wrong user name or password', zh: '用户名或密码错误' },
  REG_ERR_RATE_LIMITED: { status: 429, en: 'too many requests', zh: '操作过于频繁，请稍后再试' },
  REG_ERR_NOT_APPROVED: { status: 400, en: 'the version is not approved', zh: '该版本尚未审核通过' },
  REG_ERR_BODY_TOO_LARGE: {
    status: 413,
    en: 'request body is larger than the registry accepts',
    zh: '请求内容超过仓库允许的大小',
  },
  REG_ERR_MEDIA_TYPE: {
    status: 415,
    en: 'unsupported content type',
    zh: '不支持的内容类型',
  },
  REG_ERR_UPLINK_UNAVAILABLE: {
    status: 502,
    en: 'the uplink registry cannot be reached or answered with an error',
    zh: '上游仓库无法访问或返回了错误，请稍后再试',
  },
  REG_ERR_UPLINK_TIMEOUT: {
    status: 504,
    en: 'the uplink registry did not answer in time',
    zh: '上游仓库响应超时，请稍后再试',
  },
  REG_ERR_UPLINK_INTEGRITY: {
    status: 502,
    en: "a tarball from the uplink does not match its packument's dist.integrity",
    zh: '上游仓库的压缩包与其声明的校验值不符，已拒绝',
  },
  REG_ERR_ASSET_TYPE: {
    status: 400,
    en: 'the build has an asset of a type the registry does not serve',
    zh: '构建产物中含有仓库不提供的文件类型（如 HTML 页面）',
  },
  REG_ERR_INTERNAL: { status: 500, en: 'internal registry error', zh: '仓库内部错误' },
});

export type RegistryErrorCode = keyof typeof registryErrors.codes & string;

/** The codes `installErrorHandler` answers Fastify's own failures with. */
export const GENERIC_CODES = {
  badRequest: 'REG_ERR_BAD_REQUEST',
  notFound: 'REG_ERR_NOT_FOUND',
  tooLarge: 'REG_ERR_BODY_TOO_LARGE',
  mediaType: 'REG_ERR_MEDIA_TYPE',
  rateLimited: 'REG_ERR_RATE_LIMITED',
  internal: 'REG_ERR_INTERNAL',
} as const satisfies Record<string, RegistryErrorCode>;

/**
 * A registry error with this occurrence's English text (and, where it helps people, its own zh-CN
 * text and the refused field).
 *
 * @example
 * throw regError('REG_ERR_VERSION_EXISTS', `cannot publish over existing version ${name}@${version}`);
 */
export function regError(
  code: RegistryErrorCode,
  en: string,
  detail: { zh?: string; field?: string; cause?: unknown } = {},
): CunmenError {
  return registryErrors.error(code, { en, ...detail });
}

/**
 * The body as clients receive it: npm and pnpm print only the `error` field of a refusal
 * (`npm error 409 Conflict - PUT <url> - <error>`), so `error` ends with the stable code and where the
 * code is explained. `code` and the other fields stay as they are for programs. A code of another
 * family (documented elsewhere) is left alone.
 *
 * @example
 * withCodeAndLink({ error: 'cannot publish over existing version @deqing/x@1.0.0', code: 'REG_ERR_VERSION_EXISTS', … }).error
 * // 'cannot publish over existing version @deqing/x@1.0.0 (REG_ERR_VERSION_EXISTS; see /docs/province/run-the-registry#reg_err_version_exists)'
 */
export function withCodeAndLink(body: ErrorBody): Record<string, unknown> {
  if (!Object.hasOwn(registryErrors.codes, body.code)) return { ...body };
  const link = docsLinkOf(registryErrors.docsPage, body.code);
  return { ...body, error: `${body.error} (${body.code}; see ${link})` };
}

/** True for an error this family raised (a refusal), as opposed to an unexpected failure. */
export function isRegistryError(err: unknown): err is CunmenError {
  return registryErrors.owns(err);
}
