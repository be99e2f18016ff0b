/** Every string the shell shows, zh-CN first (complete), English second. */
import type { TranslationResources } from '@cunmen/sdk';

const zhCN = {
  portal: {
    home: '首页',
    nav: '底部导航',
    services: '村里的服务',
    skip: '跳到主要内容',
    portalOf: '{{village}} 村门',
  },
  widget: {
    loading: '正在加载“{{title}}”…',
    slow: '“{{title}}”加载较慢，请稍候',
    timeout: '“{{title}}”加载超时，网络可能不稳定',
    failed: '“{{title}}”暂时无法使用',
    refused: '“{{title}}”未通过安全校验，已停用',
    crashed: '“{{title}}”出了点问题',
    retry: '重试',
  },
  page: {
    notFound: '没有找到这个页面',
    backHome: '返回首页',
  },
  account: {
    link: '登录',
  },
  snapshot: {
    title: '村门暂时打不开',
    message: '页面数据不完整或已损坏，请稍后刷新重试。',
    reload: '刷新页面',
    code: '错误代码：{{code}}',
  },
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<typeof zhCN> = {
  portal: {
    home: 'Home',
    nav: 'Main navigation',
    services: 'Village services',
    skip: 'Skip to main content',
    portalOf: '{{village}} portal',
  },
  widget: {
    loading: 'Loading “{{title}}”…',
    slow: '“{{title}}” is loading slowly, please wait',
    timeout: '“{{title}}” timed out; the network may be unstable',
    failed: '“{{title}}” is not available right now',
    refused: '“{{title}}” failed the security check and is disabled',
    crashed: 'Something went wrong in “{{title}}”',
    retry: 'Retry',
  },
  page: {
    notFound: 'This page was not found',
    backHome: 'Back to home',
  },
  account: {
    link: 'Sign in',
  },
  snapshot: {
    title: 'The portal cannot open right now',
    message: 'The page data is incomplete or damaged. Please refresh later.',
    reload: 'Refresh',
    code: 'Error code: {{code}}',
  },
};

export const shellMessages: TranslationResources<Shape<typeof zhCN>> = { 'zh-CN': zhCN, en };
