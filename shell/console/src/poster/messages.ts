/**
 * The poster page's strings, zh-CN first, kept beside the page (the console's shared message file is
 * for strings every screen uses); `usePosterT` reads them in the console's locale.
 */
import { createTranslate, type MessageKey, type Translate, type TranslationResources } from '@cunmen/sdk';
import { useMemo } from 'react';
import { useLocale } from '../i18n/index.js';

const zhCN = {
  nav: '二维码海报',
  title: '二维码海报',
  titleOf: '{{village}} 二维码海报',
  intro: '打印出来贴在村务公开栏、村委会门口：村民用微信扫一扫就能打开本村的村门。',
  previewAlt: '{{village}}的二维码海报：村名、本村村门的二维码和三条使用说明',
  previewLoading: '正在生成海报…',
  previewFailed: '海报预览没有显示出来，请刷新页面重试',
  download: '下载打印',
  downloadPdf: '下载 PDF（推荐打印）',
  downloadPng: '下载图片（PNG）',
  printHint: '用 A4 纸打印，彩色、黑白都可以；打印时选“实际大小”或“适合页面”。',
  link: '发到微信群',
  linkHint: '复制下面的链接，粘贴到村民微信群里，村民点开就能用。',
  linkLabel: '本村村门的链接',
  copy: '复制链接',
  copied: '已复制，可以粘贴到微信群了',
  copyFailed: '没能自动复制，请长按或选中上面的链接手动复制',
  says: '海报上写着',
  village: '选择村',
  failed: '打不开海报：{{message}}',
} as const;

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

const en: Shape<typeof zhCN> = {
  nav: 'QR poster',
  title: 'QR poster',
  titleOf: 'QR poster of {{village}}',
  intro: "Print it for the village notice board: residents scan it with WeChat to open the village's portal.",
  previewAlt: "The QR poster of {{village}}: its name, the portal's QR code and three lines of instructions",
  previewLoading: 'Drawing the poster…',
  previewFailed: 'The preview did not load; reload the page to try again',
  download: 'Download and print',
  downloadPdf: 'Download PDF (best for printing)',
  downloadPng: 'Download image (PNG)',
  printHint: 'Print on A4, colour or black and white; choose "actual size" or "fit to page".',
  link: 'Share in WeChat groups',
  linkHint: "Copy the link and paste it into the village's WeChat groups.",
  linkLabel: "The village portal's link",
  copy: 'Copy link',
  copied: 'Copied: paste it into a WeChat group',
  copyFailed: 'Could not copy by itself: select the link above and copy it',
  says: 'What the poster says',
  village: 'Village',
  failed: 'Cannot open the poster: {{message}}',
};

const posterMessages: TranslationResources<Shape<typeof zhCN>> = { 'zh-CN': zhCN, en };

export type PosterTranslate = Translate<MessageKey<typeof zhCN>>;

export function usePosterT(): PosterTranslate {
  const locale = useLocale();
  return useMemo(() => createTranslate(posterMessages, locale), [locale]);
}
