/**
 * The shell server's error family `SHELL`: every error a client can cause, with its status and default
 * English and zh-CN texts. Clients branch on `code`; people read `message` (zh-CN) or `error`
 * (English). A refused portal save names the widget and the field. Client input never gets a 5xx or a
 * stack; unexpected failures are `SHELL_ERR_INTERNAL` with the request id. The codes a host-API call
 * can answer with are the contract's (`@cunmen/host-api`), so the MockHost answers the same. Documented
 * in docs/docs/province/operate-the-shell.md (errors.test.ts keeps the two in step).
 */
import { CunmenError, defineErrors, type ErrorBody, type ErrorDetail, errorBody } from '@cunmen/errors';
import { toErrorResponse } from '@cunmen/errors/fastify';
import { HOST_API_ERRORS } from '@cunmen/host-api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const shellErrors = defineErrors('SHELL', '/docs/province/operate-the-shell', {
  ...HOST_API_ERRORS,
  SHELL_ERR_BAD_REQUEST: { status: 400, en: 'malformed request', zh: '请求有误' },
  SHELL_ERR_UNAUTHORIZED: { status: 401, en: 'not signed in', zh: '未登录' },
  SHELL_ERR_UNKNOWN_VILLAGE: { status: 404, en: 'no such village', zh: '没有这个村' },
  SHELL_ERR_NO_PORTAL: { status: 404, en: 'the village has no portal yet', zh: '本村还没有发布门户' },
  SHELL_ERR_UNKNOWN_VERSION: { status: 404, en: 'no such portal version', zh: '没有这个门户版本' },
  SHELL_ERR_INVALID_CONFIG: { status: 400, en: 'not a valid village config', zh: '门户配置有误' },
  SHELL_ERR_WIDGET_NOT_APPROVED: {
    status: 400,
    en: 'the registry has no approved release of this widget version',
    zh: '该组件版本尚未通过省级审核',
  },
  SHELL_ERR_BAD_SIGNATURE: {
    status: 400,
    en: "the release's province signature does not hold",
    zh: '组件的省级签名无效',
  },
  SHELL_ERR_WIDGET_YANKED: { status: 400, en: 'this widget version was yanked', zh: '该组件版本已被撤回' },
  SHELL_ERR_SDK_CONFLICT: {
    status: 409,
    en: "the widget's SDK range does not accept the shell's SDK",
    zh: '组件需要的 SDK 版本与本平台不符',
  },
  SHELL_ERR_SHARED_CONFLICT: {
    status: 409,
    en: "a shared singleton range does not accept the shell's copy",
    zh: '组件需要的共享库版本与本平台不符',
  },
  SHELL_ERR_UNKNOWN_SLOT: {
    status: 400,
    en: 'the widget contributes nothing to this slot',
    zh: '组件没有这个插槽的内容',
  },
  SHELL_ERR_UNKNOWN_EXPOSE: {
    status: 400,
    en: 'the widget offers no such expose for this slot',
    zh: '组件没有这个入口',
  },
  SHELL_ERR_UNKNOWN_ROUTE: { status: 400, en: 'the widget has no such route', zh: '组件没有这个页面' },
  SHELL_ERR_WIDGET_CONFIG_INVALID: {
    status: 400,
    en: "the widget's config does not fit its config schema",
    zh: '组件配置有误',
  },
  SHELL_ERR_REGISTRY_NOT_CONFIGURED: {
    status: 503,
    en: 'this shell was started without a registry',
    zh: '平台未连接组件仓库，无法保存门户',
  },
  SHELL_ERR_REGISTRY_UNAVAILABLE: {
    status: 502,
    en: 'the registry did not answer as it should',
    zh: '组件仓库暂时不可用，请稍后重试',
  },
  SHELL_ERR_WEB_NOT_BUILT: {
    status: 503,
    en: "the shell's web app is not built",
    zh: '平台页面尚未构建',
  },
  SHELL_ERR_BAD_LOGIN: { status: 401, en: 'wrong user name or password', zh: '用户名或密码错误' },
  SHELL_ERR_MFA_REQUIRED: {
    status: 401,
    en: 'this role needs its second factor (TOTP) first',
    zh: '请先完成动态口令验证',
  },
  SHELL_ERR_BAD_TOTP: {
    status: 401,
    en: 'the code is wrong, expired or already used',
    zh: '动态口令错误、已过期或已使用',
  },
  SHELL_ERR_TOTP_LOCKED: {
    status: 429,
    en: 'too many wrong second-factor codes for this account; wait until the lock ends',
    zh: '动态口令错误次数过多，请稍后再试',
  },
  SHELL_ERR_CSRF: {
    status: 403,
    en: "a cookie-authenticated write without the session's x-csrf-token",
    zh: '请求来源无法确认，请刷新页面后重试',
  },
  SHELL_ERR_OIDC_FAILED: {
    status: 401,
    en: "the identity platform's answer was refused",
    zh: '统一身份认证登录失败，请重试',
  },
  SHELL_ERR_OIDC_NOT_CONFIGURED: {
    status: 404,
    en: 'this shell was started without OIDC sign-in',
    zh: '本平台未开通统一身份认证登录',
  },
  SHELL_ERR_WIDGET_NOT_IN_PORTAL: {
    status: 404,
    en: "the widget is not in the village's current portal",
    zh: '本村门户中没有这个组件',
  },
  SHELL_ERR_WIDGET_VERSION_MISMATCH: {
    status: 409,
    en: 'the portal uses another version of this widget; reload the page',
    zh: '门户已使用该组件的其他版本，请刷新页面',
  },
  SHELL_ERR_PORTAL_STALE: {
    status: 409,
    en: 'the portal changed since the version this edit is based on; reload it and apply the edit again',
    zh: '门户在您打开之后已被他人修改，请重新加载后再修改',
  },
  SHELL_ERR_BASE_VERSION_REQUIRED: {
    status: 400,
    en: 'baseVersion: the portal version this config was based on is required',
    zh: 'baseVersion：请注明本次修改所依据的门户版本',
  },
  SHELL_ERR_WIDGET_ALREADY_IN_PORTAL: {
    status: 409,
    en: 'the widget is already in the portal; configure or move it instead',
    zh: '门户中已有这个组件，请修改它的配置或位置',
  },
  SHELL_ERR_NO_MATCHING_VERSION: {
    status: 400,
    en: 'no approved, non-yanked version of the widget matches and accepts this shell',
    zh: '没有符合要求、已通过审核且可在本平台使用的组件版本',
  },
  // The staff console's origin (src/console/).
  SHELL_ERR_STAFF_ON_CONSOLE: {
    status: 403,
    en: 'staff accounts sign in on the staff console, not on the resident portal',
    zh: '工作人员账号请到村门工作台登录',
  },
  SHELL_ERR_NOT_STAFF: {
    status: 403,
    en: 'the staff console is for staff accounts; residents sign in on their portal',
    zh: '该账号不是村干部或工作人员账号，不能进入工作台',
  },
  SHELL_ERR_BANNER_UNREADABLE: {
    status: 400,
    en: 'the banner photo could not be read',
    zh: '这张照片无法打开，请换一张',
  },
  SHELL_ERR_UNKNOWN_BANNER: {
    status: 400,
    en: 'the theme names a banner photo that was never uploaded',
    zh: '找不到这张横幅照片，请重新上传',
  },
  SHELL_ERR_MANDATORY_MODULE: {
    status: 409,
    en: 'the province or county made this module mandatory; a portal must keep it',
    zh: '这是上级规定每个村门户都必须有的服务，不能移除',
  },
  SHELL_ERR_NOT_IN_CATALOG: {
    status: 404,
    en: "no such package in the registry's catalog",
    zh: '服务目录中没有这个服务',
  },
  // The console's QR poster (src/console/poster*.ts).
  SHELL_ERR_POSTER_NO_PUBLIC_URL: {
    status: 503,
    en: "the shell was started without --public-url, so the poster's QR code has no address to hold",
    zh: '平台未设置村民门户的网址（--public-url），无法生成二维码海报',
  },
  SHELL_ERR_POSTER_NO_FONT: {
    status: 503,
    en: 'no Chinese font (Noto Sans CJK SC) on the server to set the poster in',
    zh: '服务器上没有中文字体，无法生成海报，请联系平台管理员安装 Noto Sans CJK 字体',
  },
  SHELL_ERR_INTERNAL: { status: 500, en: 'internal shell error', zh: '服务器内部错误' },
});

export type ShellErrorCode = keyof typeof shellErrors.codes;

/** What a thrower of `shellError` may add: the zh-CN text, the widget and the field. */
export type ShellErrorDetail = Omit<ErrorDetail, 'en'>;

/** A `SHELL` error with this occurrence's English text (`detail.zh` defaults to the code's zh-CN). */
export function shellError(code: ShellErrorCode, en: string, detail: ShellErrorDetail = {}): CunmenError {
  return shellErrors.error(code, { ...detail, en });
}

/** Kept for `instanceof` checks: a shell error is a `CunmenError` (prefer {@link isShellError}). */
export const ShellError = CunmenError;
export type ShellError = CunmenError;

/** True for an error of the `SHELL` family. */
export function isShellError(err: unknown): err is CunmenError {
  return shellErrors.owns(err);
}

/** The `SHELL` codes that stand for Fastify's generic client errors and for the unexpected. */
export const SHELL_GENERIC_CODES = {
  badRequest: 'SHELL_ERR_BAD_REQUEST',
  notFound: 'SHELL_ERR_NOT_FOUND',
  tooLarge: 'SHELL_ERR_BODY_TOO_LARGE',
  mediaType: 'SHELL_ERR_MEDIA_TYPE',
  rateLimited: 'SHELL_ERR_RATE_LIMITED',
  internal: 'SHELL_ERR_INTERNAL',
} as const;

/**
 * Structured facts a refusal carries beside the one body, keyed by the error: `problems` (every problem
 * of a config, each with its field) and `changes` (what changed since a stale base version). The body of
 * `@cunmen/errors` has no place for them, so the shell adds them as extra properties of its own body.
 */
export interface ShellErrorDetails {
  problems?: readonly ShellProblem[];
  changes?: unknown;
}

/** One problem of a refused config: the field, English for developers, zh-CN for cadres. */
export interface ShellProblem {
  field: string;
  error: string;
  message: string;
}

const detailsOfError = new WeakMap<object, ShellErrorDetails>();

/** Attaches details to `err` (returned, for `throw withDetails(…)`). */
export function withDetails(err: CunmenError, details: ShellErrorDetails): CunmenError {
  detailsOfError.set(err, details);
  return err;
}

export function detailsOf(err: unknown): ShellErrorDetails | undefined {
  return typeof err === 'object' && err !== null ? detailsOfError.get(err) : undefined;
}

/**
 * Answers every error of `app` (and of the plugins it encapsulates) with the one body
 * `{ error, code, message, requestId, field?, widget? }`, plus the error's {@link ShellErrorDetails};
 * `decorate` may add to it. (`installErrorHandler` cannot see the error when it decorates a body, so the
 * shell maps with `toErrorResponse` itself.)
 */
export function handleShellErrors(
  app: FastifyInstance,
  decorate?: (body: ErrorBody, request: FastifyRequest) => Record<string, unknown>,
): void {
  const send = (request: FastifyRequest, reply: FastifyReply, status: number, body: ErrorBody) =>
    reply.status(status).send(decorate ? decorate(body, request) : body);
  app.setErrorHandler((err, request, reply) => {
    const { status, body, unexpected } = toErrorResponse(err, request.id, shellErrors, SHELL_GENERIC_CODES);
    if (unexpected) request.log.error({ err, requestId: request.id }, 'unexpected error');
    return send(request, reply, status, { ...body, ...detailsOf(err) });
  });
  app.setNotFoundHandler((request, reply) => {
    const error = shellErrors.error('SHELL_ERR_NOT_FOUND', {
      en: `no route for ${request.method} ${request.url.split('?')[0]}`,
    });
    return send(request, reply, error.status, errorBody(error, request.id));
  });
}
