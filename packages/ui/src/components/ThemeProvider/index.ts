export type { ThemeContextValue } from './context.js';
export { ThemeProvider, type ThemeProviderProps } from './ThemeProvider.js';
export { useTheme } from './useTheme.js';
