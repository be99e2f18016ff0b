/**
 * The codes a host-API call can answer with, and their statuses and default texts. They belong to the
 * shell server's `SHELL` family (shell/server/src/errors.ts spreads this table into it, and
 * docs/docs/province/operate-the-shell.md documents them); they are written here so the MockHost answers
 * a refusal with the same code, status and zh-CN text as the server.
 */
import type { ErrorBody, ErrorTable } from '@cunmen/errors';

export const HOST_API_ERRORS = {
  SHELL_ERR_TOKEN_INVALID: {
    status: 401,
    en: 'this call needs a widget credential this shell issued',
    zh: '组件凭证无效，请刷新页面后重试',
  },
  SHELL_ERR_TOKEN_EXPIRED: {
    status: 401,
    en: 'the widget credential has expired, or the portal no longer has this widget version',
    zh: '组件凭证已过期，请刷新页面后重试',
  },
  SHELL_ERR_CAPABILITY_DENIED: {
    status: 403,
    en: 'the widget was not granted the capability this call needs',
    zh: '本组件没有获得这项权限，无法完成操作',
  },
  SHELL_ERR_TICKET_REQUIRED: {
    status: 403,
    en: 'widget credentials come only from the page load ticket the portal page carries (or by renewing the credential a widget holds)',
    zh: '无法获取组件凭证，请刷新页面后重试',
  },
  SHELL_ERR_TICKET_USED: {
    status: 403,
    en: "this page load's ticket was already exchanged for credentials, or it expired",
    zh: '组件凭证已发放，请刷新页面后重试',
  },
  SHELL_ERR_OUTSIDE_DIVISION: {
    status: 403,
    en: "the signed-in user's division does not cover the credential's village",
    zh: '您不是本村的居民或工作人员，无法进行此操作',
  },
  SHELL_ERR_SIGN_IN_REQUIRED: {
    status: 401,
    en: 'this call needs a signed-in user',
    zh: '请先登录后再操作',
  },
  SHELL_ERR_INVALID_ARGUMENT: {
    status: 400,
    en: 'a path parameter, query parameter or body field is not valid',
    zh: '参数不正确，操作未执行',
  },
  SHELL_ERR_NOT_FOUND: { status: 404, en: 'not found', zh: '没有找到' },
  SHELL_ERR_FORBIDDEN: {
    status: 403,
    en: 'the signed-in user may not do this',
    zh: '没有权限进行此操作',
  },
  SHELL_ERR_VERSION_CONFLICT: {
    status: 409,
    en: 'the document is not at the version named by ifVersion (or does not exist); read it again and retry',
    zh: '数据已被他人修改，请刷新后重试',
  },
  SHELL_ERR_DOC_TOO_LARGE: {
    status: 413,
    en: 'the document is larger than a widget document may be',
    zh: '内容过大，无法保存',
  },
  SHELL_ERR_QUOTA_EXCEEDED: {
    status: 413,
    en: "the widget's storage in this village is full",
    zh: '本组件在本村的存储空间已满，请联系村干部清理',
  },
  SHELL_ERR_BODY_TOO_LARGE: {
    status: 413,
    en: 'the request body is larger than the shell accepts',
    zh: '请求内容过大',
  },
  SHELL_ERR_MEDIA_TYPE: {
    status: 415,
    en: 'the content type is not accepted here; photos must be JPEG, PNG, WebP or GIF',
    zh: '不支持的内容类型；照片只能是 JPEG、PNG、WebP 或 GIF',
  },
  SHELL_ERR_RATE_LIMITED: {
    status: 429,
    en: 'too many requests; wait a minute and retry',
    zh: '请求过于频繁，请稍后再试',
  },
} as const satisfies ErrorTable;

export type HostApiErrorCode = keyof typeof HOST_API_ERRORS;

/**
 * The one error body (`{ error, code, message, requestId, field?, widget? }`); a capability denial also
 * names the capability it lacked.
 */
export interface HostErrorBody extends ErrorBody {
  capability?: string;
}
