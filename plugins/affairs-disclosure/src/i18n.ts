/** This module's own strings, one file a locale; zh-CN first. */
import { en } from './i18n/en.js';
import { zhCN } from './i18n/zh-CN.js';

export const messages = { 'zh-CN': zhCN, en };
