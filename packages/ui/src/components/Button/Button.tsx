/**
 * The one button of the design system: primary, secondary or danger; `loading` disables it and marks it
 * `aria-busy` so a second tap cannot submit twice.
 */
import type { ButtonHTMLAttributes, Ref } from 'react';
import { cx } from '../../internal/cx.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** Disables the button, sets aria-busy and shows a spinner. */
  loading?: boolean;
  /** Full width of its container. */
  block?: boolean;
  ref?: Ref<HTMLButtonElement>;
}

/**
 * @example
 * <Button variant="primary" loading={saving} onClick={save}>提交</Button>
 */
export function Button({
  variant = 'primary',
  loading = false,
  block = false,
  disabled,
  type = 'button',
  className,
  children,
  ...rest
}: ButtonProps) {
  const { t } = useTheme();
  return (
    <button
      {...rest}
      type={type}
      className={cx('cm-button', `cm-button--${variant}`, block && 'cm-button--block', className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
    >
      {loading ? <span className="cm-spinner cm-button__spinner" aria-hidden="true" /> : null}
      <span className="cm-button__label">{children}</span>
      {loading ? <span className="cm-visually-hidden">{t('loading')}</span> : null}
    </button>
  );
}
