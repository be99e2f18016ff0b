import { useContext } from 'react';
import { type ToastApi, ToastContext } from './context.js';

/**
 * Shows status messages in the ThemeProvider's polite live region (an overlay in normal mode, inline in
 * elderly mode).
 *
 * @example
 * const toast = useToast();
 * toast.show('提交成功', { tone: 'success' });
 */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast() needs a <ThemeProvider> above it');
  return api;
}
