export type { ToastApi, ToastOptions } from './context.js';
export { Toast, type ToastProps, type ToastTone } from './Toast.js';
export { useToast } from './useToast.js';
