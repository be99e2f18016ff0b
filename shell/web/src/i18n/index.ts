/**
 * The shell's i18n: the SDK's i18next-backed `createTranslate` (the SDK already ships i18next to every
 * widget, so the shell adds no second library) over the shell's own messages.
 */
import { createTranslate, type Locale, type MessageKey, type Translate } from '@cunmen/sdk';
import { createContext, useContext } from 'react';
import { shellMessages } from './messages.js';

export type ShellMessageKey = MessageKey<(typeof shellMessages)['zh-CN']>;
export type ShellTranslate = Translate<ShellMessageKey>;

export function shellTranslate(locale: Locale): ShellTranslate {
  return createTranslate(shellMessages, locale);
}

/** zh-CN unless the URL asks for English (`?lang=en`); residents read Chinese first. */
export function pickLocale(search: string): Locale {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'zh-CN';
}

export const I18nContext = createContext<{ locale: Locale; t: ShellTranslate }>({
  locale: 'zh-CN',
  t: shellTranslate('zh-CN'),
});

export function useShellT(): ShellTranslate {
  return useContext(I18nContext).t;
}

export function useShellLocale(): Locale {
  return useContext(I18nContext).locale;
}

export { shellMessages };
