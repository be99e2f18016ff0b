/**
 * Sets `<html lang>` per section: the village pages are written in zh-CN, the rest of the site in English
 * (with zh-CN terms). Screen readers and fonts pick the right language from it (WCAG 3.1.1).
 */
import { useHead, usePage } from '@rspress/core/runtime';

export default function PageLang() {
  const { page } = usePage();
  const zh = page.routePath.startsWith('/village/');
  useHead({ htmlAttrs: { lang: zh ? 'zh-CN' : 'en' } });
  return null;
}
