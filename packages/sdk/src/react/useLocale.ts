/** The portal's language. */
import type { Locale } from '../core/types.js';
import { useHost } from './useHost.js';

/** @example const locale = useLocale(); // 'zh-CN' | 'en' */
export function useLocale(): Locale {
  return useHost().locale;
}
