/**
 * The strings of the residents' sign-in page, zh-CN first: in its own chunk, so the resident home does
 * not carry them. (The cadre console's are the staff console's, shell/console.)
 */
import { createTranslate, type Locale, type TranslationResources } from '@cunmen/sdk';
import { useMemo } from 'react';
import { useShellLocale } from '../i18n/index.js';

const zhCN = {
  account: {
    title: '登录村门',
    name: '账号（手机号或用户名）',
    password: '密码',
    signIn: '登录',
    code: '动态口令',
    codeHint: '打开身份验证器，输入 6 位数字',
    verify: '验证',
    missing: '请输入账号和密码',
    failed: '登录失败，请稍后重试',
    enrol:
      '首次登录需要设置动态口令：在手机的身份验证器（如腾讯身份验证器、Google Authenticator）里选“输入设置密钥”，输入下面的密钥，再把它显示的 6 位数字填在下面。',
    secret: '设置密钥：',
    signedInAs: '已登录：{{name}}',
    signOut: '退出登录',
    loading: '正在确认登录状态…',
  },
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<typeof zhCN> = {
  account: {
    title: 'Sign in',
    name: 'Account (phone number or user name)',
    password: 'Password',
    signIn: 'Sign in',
    code: 'Dynamic code',
    codeHint: 'Open your authenticator app and enter the 6 digits',
    verify: 'Verify',
    missing: 'Enter your account and password',
    failed: 'Sign-in failed, please try again later',
    enrol:
      'First sign-in: set up the dynamic code. In an authenticator app choose “enter a setup key”, type the key below, then enter the 6 digits it shows.',
    secret: 'Setup key:',
    signedInAs: 'Signed in: {{name}}',
    signOut: 'Sign out',
    loading: 'Checking sign-in…',
  },
};

export const consoleMessages: TranslationResources<Shape<typeof zhCN>> = { 'zh-CN': zhCN, en };

export function consoleTranslate(locale: Locale) {
  return createTranslate(consoleMessages, locale);
}

export function useConsoleT() {
  const locale = useShellLocale();
  return useMemo(() => consoleTranslate(locale), [locale]);
}
