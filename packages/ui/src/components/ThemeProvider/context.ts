/** The theme context: mode, locale and the built-in message lookup. */
import { createContext } from 'react';
import { formatMessage, type Locale, type MessageKey, type MessageParams } from '../../i18n/messages.js';

export interface ThemeContextValue {
  /** Elderly mode (长辈版) is on. */
  elderly: boolean;
  locale: Locale;
  /** Turns elderly mode on or off (remembered when the provider has a `storageKey`). */
  setElderly(elderly: boolean): void;
  /** A built-in string in the current locale. */
  t(key: MessageKey, params?: MessageParams): string;
}

export const defaultTheme: ThemeContextValue = {
  elderly: false,
  locale: 'zh-CN',
  setElderly: () => undefined,
  t: (key, params) => formatMessage('zh-CN', key, params),
};

/** Null outside any ThemeProvider (useTheme then answers {@link defaultTheme}). */
export const ThemeContext = createContext<ThemeContextValue | null>(null);
