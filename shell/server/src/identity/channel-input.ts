/**
 * The input of the residents' sign-in channels, checked by zod: a refusal is `SHELL_ERR_BAD_REQUEST`
 * naming the field, in English and in zh-CN words a resident understands ("手机号：请填写 11 位…").
 */
import { createHash } from 'node:crypto';
import { maskPhone } from '@cunmen/pii';
import { z } from 'zod';
import { shellError } from '../errors.js';

/** A mainland mobile number: 11 digits, `1` then `3`–`9`. */
export const PHONE = /^1[3-9]\d{9}$/;

const FIELDS: Record<string, { label: string; en: string; zh: string }> = {
  phone: {
    label: '手机号',
    en: 'a mainland mobile number: 11 digits, starting with 13–19',
    zh: '请填写 11 位手机号（以 1 开头，第二位为 3–9）',
  },
  code: { label: '验证码', en: 'the 6 digits of the SMS', zh: '请填写短信中的 6 位数字' },
  village: {
    label: '村',
    en: 'the 12-digit division code of a village',
    zh: '请从本村门户登录（需要 12 位村级区划代码）',
  },
  displayName: { label: '姓名', en: '1 to 32 characters', zh: '请填写 1–32 个字的姓名' },
  url: { label: '页面地址', en: 'an absolute http(s) URL', zh: '请提供完整的页面地址' },
  scope: { label: '授权方式', en: '"base" or "userinfo"', zh: '授权方式只能是 base 或 userinfo' },
  returnTo: { label: '返回页面', en: 'a path on this site', zh: '返回页面必须是本站地址' },
};

const phone = z.string().regex(PHONE);
const village = z.string().regex(/^\d{12}$/);

export const codeRequestBody = z.object({ phone }).strict();
export const phoneSignInBody = z.object({ phone, code: z.string().regex(/^\d{6}$/), village }).strict();
export const preRegisterBody = z
  .object({ phone, village, displayName: z.string().trim().min(1).max(32) })
  .strict();
export const wechatStartQuery = z.object({
  village,
  scope: z.enum(['base', 'userinfo']).default('base'),
  returnTo: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .max(512)
    .optional(),
});
export const jsConfigQuery = z.object({ url: z.string().url().max(2048) });

/** `value` parsed by `schema`, or a 400 naming the first wrong field in English and zh-CN. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, where: 'body' | 'query' = 'body'): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.map(String).join('.') : `(${where})`;
  const known = FIELDS[field];
  if (!known) {
    throw shellError('SHELL_ERR_BAD_REQUEST', `${field}: ${issue?.message ?? 'invalid'}`, {
      zh: `请求有误：${field}`,
      field,
    });
  }
  throw shellError('SHELL_ERR_BAD_REQUEST', `${field}: ${known.en}`, {
    zh: `${known.label}：${known.zh}`,
    field,
  });
}

/** The key a phone is counted and looked up under where the number itself is not needed. */
export function phoneKey(phone: string): string {
  return createHash('sha256').update(`phone:${phone}`, 'utf8').digest('hex');
}

/** 138****1234: what the audit log and answers show of a number. */
export function maskedPhone(phone: string): string {
  return maskPhone(phone);
}
