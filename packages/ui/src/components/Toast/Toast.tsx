/**
 * A short status message. Normal mode shows it as an overlay near the bottom of the screen; elderly mode
 * (适老化: no pop-ups) shows it inline, in the flow of the page, with a close button. Announce messages
 * through `useToast()`, whose region is an `aria-live="polite"` status.
 */

import { cx } from '../../internal/cx.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

export type ToastTone = 'info' | 'success' | 'error';

export interface ToastProps {
  message: string;
  tone?: ToastTone;
  /** Inline status instead of an overlay; defaults to the theme's elderly mode. */
  inline?: boolean;
  /** Shows a close button when given (always shown inline). */
  onDismiss?: () => void;
  className?: string;
}

/**
 * @example
 * <Toast message="提交成功" tone="success" />
 */
export function Toast({ message, tone = 'info', inline, onDismiss, className }: ToastProps) {
  const { elderly, t } = useTheme();
  const isInline = inline ?? elderly;
  return (
    <div
      className={cx(
        'cm-toast',
        `cm-toast--${tone}`,
        isInline ? 'cm-toast--inline' : 'cm-toast--overlay',
        className,
      )}
      data-cm-toast={isInline ? 'inline' : 'overlay'}
    >
      <p className="cm-toast__message">{message}</p>
      {onDismiss ? (
        <button type="button" className="cm-toast__close" onClick={onDismiss}>
          {t('close')}
        </button>
      ) : null}
    </div>
  );
}
