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
    title: '登录村门',
    name: '账号（手机号或用户名）',
    password: '密码',
    signIn: '登录',
    code: '动态口令',
    codeHint: '打开身份验证器，输入 6 位数字',
    verify: '验证',
    missing: '请输入账号和密码',
    failed: '登录失败，请稍后重试',
    enrol: '该账号需要先设置动态口令，请联系县级管理员',
    signedInAs: '已登录：{{name}}',
    signOut: '退出登录',
    loading: '正在确认登录状态…',
  },
  cadre: {
    title: '村干部工作台',
    pages: '管理功能',
    none: '本村门户还没有可用的管理功能',
    notStaff: '该账号不是村干部或工作人员账号，不能进入工作台',
    otherVillage: '该账号无权管理{{village}}',
    choose: '请选择要使用的管理功能',
    backPortal: '返回村民门户',
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
    title: 'Sign in',
    name: 'Account (phone number or user name)',
    password: 'Password',
    signIn: 'Sign in',
    code: 'Dynamic code',
    codeHint: 'Open your authenticator app and enter the 6 digits',
    verify: 'Verify',
    missing: 'Enter your account and password',
    failed: 'Sign-in failed, please try again later',
    enrol: 'This account must set up a dynamic code first; ask the county administrator',
    signedInAs: 'Signed in: {{name}}',
    signOut: 'Sign out',
    loading: 'Checking sign-in…',
  },
  cadre: {
    title: 'Cadre workbench',
    pages: 'Management',
    none: "This village's portal has no management pages yet",
    notStaff: 'This account is not a cadre or staff account and cannot open the workbench',
    otherVillage: 'This account may not manage {{village}}',
    choose: 'Choose what to manage',
    backPortal: 'Back to the resident portal',
  },
  snapshot: {
    title: 'The portal cannot open right now',
    message: 'The page data is incomplete or damaged. Please refresh later.',
    reload: 'Refresh',
    code: 'Error code: {{code}}',
  },
};

export const shellMessages: TranslationResources<Shape<typeof zhCN>> = { 'zh-CN': zhCN, en };
