/**
 * Keeps the current toast and renders the one polite live region after the content: fixed at the bottom
 * in normal mode, inline (in the flow, not an overlay) in elderly mode.
 */
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { cx } from '../../internal/cx.js';
import { useTheme } from '../ThemeProvider/useTheme.js';
import { type ToastApi, ToastContext, type ToastOptions } from './context.js';
import { Toast, type ToastTone } from './Toast.js';

interface CurrentToast {
  id: number;
  message: string;
  tone: ToastTone;
  durationMs: number | null | undefined;
}

const DEFAULT_DURATION_MS = 3000;

export function ToastHost({ children }: { children?: ReactNode }) {
  const { elderly } = useTheme();
  const [current, setCurrent] = useState<CurrentToast | null>(null);
  const nextId = useRef(0);
  const region = useRef<HTMLDivElement>(null);

  const dismiss = useCallback(() => setCurrent(null), []);
  const show = useCallback((message: string, options: ToastOptions = {}) => {
    nextId.current += 1;
    setCurrent({ id: nextId.current, message, tone: options.tone ?? 'info', durationMs: options.durationMs });
  }, []);
  const api = useMemo<ToastApi>(() => ({ show, dismiss }), [show, dismiss]);

  const duration =
    current === null
      ? null
      : current.durationMs !== undefined
        ? current.durationMs
        : elderly
          ? null
          : DEFAULT_DURATION_MS;
  const currentId = current?.id;
  useEffect(() => {
    if (currentId === undefined || duration === null) return;
    const timer = setTimeout(() => setCurrent((c) => (c?.id === currentId ? null : c)), duration);
    return () => clearTimeout(timer);
  }, [currentId, duration]);

  useEffect(() => {
    // The inline message sits after the content: bring it into view, as an overlay would be.
    if (currentId !== undefined && elderly) region.current?.scrollIntoView?.({ block: 'nearest' });
  }, [currentId, elderly]);

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div
        ref={region}
        className={cx('cm-toast-region', elderly ? 'cm-toast-region--inline' : 'cm-toast-region--overlay')}
        role="status"
        aria-live="polite"
        aria-atomic="true"
      >
        {current ? (
          <Toast
            key={current.id}
            message={current.message}
            tone={current.tone}
            inline={elderly}
            onDismiss={elderly ? dismiss : undefined}
          />
        ) : null}
      </div>
    </ToastContext.Provider>
  );
}
