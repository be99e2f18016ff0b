import { createContext } from 'react';
import type { ToastTone } from './Toast.js';

export interface ToastOptions {
  tone?: ToastTone;
  /**
   * How long the message stays, in ms. Defaults to 3000 in normal mode; in elderly mode the inline
   * message stays until it is closed or replaced (`null`).
   */
  durationMs?: number | null;
}

export interface ToastApi {
  /** Shows a message, replacing the current one. */
  show(message: string, options?: ToastOptions): void;
  /** Removes the current message. */
  dismiss(): void;
}

export const ToastContext = createContext<ToastApi | null>(null);
