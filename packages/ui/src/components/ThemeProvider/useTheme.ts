import { useContext } from 'react';
import { defaultTheme, ThemeContext, type ThemeContextValue } from './context.js';

/**
 * The current theme: `elderly`, `locale`, `setElderly` and `t` (built-in strings). Outside a
 * ThemeProvider it answers normal mode in zh-CN.
 *
 * @example
 * const { elderly, t } = useTheme();
 * return <p>{elderly ? t('elderlyMode') : t('loading')}</p>;
 */
export function useTheme(): ThemeContextValue {
  return useContext(ThemeContext) ?? defaultTheme;
}
