/**
 * The console's i18n: the SDK's i18next-backed `createTranslate` (the console already carries the SDK
 * for the widgets it hosts) over the console's own messages; zh-CN unless the URL says `?lang=en`.
 */
import { createTranslate, type Locale, type MessageKey, type Translate } from '@cunmen/sdk';
import { createContext, useContext } from 'react';
import { consoleMessages } from './messages.js';

export type ConsoleMessageKey = MessageKey<(typeof consoleMessages)['zh-CN']>;
export type ConsoleTranslate = Translate<ConsoleMessageKey>;

export function consoleTranslate(locale: Locale): ConsoleTranslate {
  return createTranslate(consoleMessages, locale);
}

export function pickLocale(search: string): Locale {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh-CN';
}

export const ConsoleI18n = createContext<{ locale: Locale; t: ConsoleTranslate }>({
  locale: 'zh-CN',
  t: consoleTranslate('zh-CN'),
});

export function useT(): ConsoleTranslate {
  return useContext(ConsoleI18n).t;
}

export function useLocale(): Locale {
  return useContext(ConsoleI18n).locale;
}
