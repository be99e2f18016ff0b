/** Shown when loading failed: the message is announced (role="alert") and a retry button follows. */
import type { ReactNode } from 'react';
import { cx } from '../../internal/cx.js';
import { Button } from '../Button/Button.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

export interface ErrorStateProps {
  /** Defaults to the built-in “加载失败，请稍后重试”. */
  message?: ReactNode;
  /** Shows the retry button (重试) when given. */
  onRetry?: () => void;
  /** True while the retry runs: the button shows loading. */
  retrying?: boolean;
  /** Label of the retry button; defaults to “重试”. */
  retryLabel?: string;
  className?: string;
}

/**
 * @example
 * <ErrorState message="网络不稳定，没有加载出来" onRetry={reload} />
 */
export function ErrorState({ message, onRetry, retrying = false, retryLabel, className }: ErrorStateProps) {
  const { t } = useTheme();
  return (
    <div className={cx('cm-state', 'cm-state--error', className)}>
      <span className="cm-state__icon cm-state__icon--error" aria-hidden="true">
        !
      </span>
      <p className="cm-state__title" role="alert">
        {message ?? t('errorDefault')}
      </p>
      {onRetry ? (
        <div className="cm-state__action">
          <Button variant="secondary" onClick={onRetry} loading={retrying}>
            {retryLabel ?? t('retry')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
