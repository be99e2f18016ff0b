/** Shown while content loads: the area is aria-busy and “加载中…” sits in a polite live region. */
import type { ReactNode } from 'react';
import { cx } from '../../internal/cx.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

export interface LoadingStateProps {
  /** Defaults to the built-in “加载中…”. */
  label?: ReactNode;
  className?: string;
}

/**
 * @example
 * {loading ? <LoadingState /> : <List>…</List>}
 */
export function LoadingState({ label, className }: LoadingStateProps) {
  const { t } = useTheme();
  return (
    <div className={cx('cm-state', 'cm-state--loading', className)} aria-busy="true">
      <span className="cm-spinner cm-state__spinner" aria-hidden="true" />
      <p className="cm-state__title" role="status" aria-live="polite">
        {label ?? t('loading')}
      </p>
    </div>
  );
}
