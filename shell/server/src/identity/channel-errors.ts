/**
 * The errors of residents' phone and WeChat sign-in, in the shell's `SHELL` family of codes but listed
 * on their own page, docs/docs/province/connect-sms-and-wechat.md (channel-errors.test.ts keeps the two
 * in step). Malformed input is the shell's `SHELL_ERR_BAD_REQUEST` naming the field, and too many
 * requests from one address its `SHELL_ERR_RATE_LIMITED`.
 */
import { type CunmenError, defineErrors } from '@cunmen/errors';

export const channelErrors = defineErrors('SHELL', '/docs/province/connect-sms-and-wechat', {
  SHELL_ERR_SMS_TOO_MANY: {
    status: 429,
    en: 'too many codes for this phone number; wait before asking again',
    zh: '该手机号获取验证码过于频繁，请稍后再试',
  },
  SHELL_ERR_SMS_SEND_FAILED: {
    status: 502,
    en: 'the SMS gateway did not accept the message',
    zh: '短信发送失败，请稍后再试',
  },
  SHELL_ERR_SMS_CODE_WRONG: {
    status: 401,
    en: 'the code is wrong',
    zh: '验证码错误',
  },
  SHELL_ERR_SMS_CODE_EXPIRED: {
    status: 401,
    en: 'no valid code for this phone number: it expired, was used, or none was sent',
    zh: '验证码已失效，请重新获取',
  },
  SHELL_ERR_SMS_CODE_LOCKED: {
    status: 429,
    en: 'too many wrong tries of this code; ask for a new one',
    zh: '验证码错误次数过多，请重新获取',
  },
  SHELL_ERR_PHONE_TAKEN: {
    status: 409,
    en: 'this phone number belongs to another account',
    zh: '该手机号已登记在其他账号下',
  },
  SHELL_ERR_PHONE_NOT_RESIDENT: {
    status: 403,
    en: 'this phone number belongs to a staff account, which signs in with its password',
    zh: '该手机号属于工作人员账号，请使用密码登录',
  },
  SHELL_ERR_WECHAT_NOT_CONFIGURED: {
    status: 404,
    en: 'this shell was started without WeChat sign-in',
    zh: '未开通微信登录',
  },
  SHELL_ERR_WECHAT_STATE: {
    status: 401,
    en: 'unknown, expired or already used WeChat sign-in attempt (state)',
    zh: '微信登录请求无效或已过期，请重新进入',
  },
  SHELL_ERR_WECHAT_DENIED: {
    status: 401,
    en: 'WeChat sent no authorisation code (the resident did not agree)',
    zh: '您没有同意微信授权，未能登录',
  },
  SHELL_ERR_WECHAT_FAILED: {
    status: 502,
    en: 'WeChat answered with an error',
    zh: '微信授权失败，请重新进入',
  },
  SHELL_ERR_WECHAT_ALREADY_BOUND: {
    status: 409,
    en: 'this WeChat account is bound to another resident',
    zh: '该微信已绑定其他村民账号',
  },
  SHELL_ERR_WECHAT_OTHER_BOUND: {
    status: 409,
    en: 'this account is already bound to another WeChat account',
    zh: '您的账号已绑定其他微信',
  },
  SHELL_ERR_WECHAT_URL: {
    status: 400,
    en: "url: the page must be on the portal's own origin",
    zh: '页面地址不属于本门户',
  },
});

export type ChannelErrorCode = keyof typeof channelErrors.codes;

/** A channel error with this occurrence's English text (`detail.zh` defaults to the code's zh-CN). */
export function channelError(
  code: ChannelErrorCode,
  en?: string,
  detail: { zh?: string; field?: string } = {},
): CunmenError {
  return channelErrors.error(code, { ...detail, ...(en === undefined ? {} : { en }) });
}
