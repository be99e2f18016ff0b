/** Shown when a list or page has nothing to show yet (暂无内容). */
import type { ReactElement, ReactNode } from 'react';
import { cx } from '../../internal/cx.js';
import { Icon, type IconName } from '../Icon/Icon.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

export interface EmptyStateProps {
  /** Defaults to the built-in “暂无内容”. */
  title?: ReactNode;
  description?: ReactNode;
  /** Decorative icon: a UI kit icon by name, or an element. */
  icon?: IconName | ReactElement;
  /** e.g. a Button to create the first item. */
  action?: ReactNode;
  className?: string;
}

/**
 * @example
 * <EmptyState description="还没有预约记录" action={<Button>去预约</Button>} />
 */
export function EmptyState({ title, description, icon, action, className }: EmptyStateProps) {
  const { t } = useTheme();
  return (
    <div className={cx('cm-state', 'cm-state--empty', className)}>
      {icon ? (
        <span className="cm-state__icon" aria-hidden="true">
          {typeof icon === 'string' ? <Icon name={icon} /> : icon}
        </span>
      ) : null}
      <p className="cm-state__title">{title ?? t('empty')}</p>
      {description ? <p className="cm-state__description">{description}</p> : null}
      {action ? <div className="cm-state__action">{action}</div> : null}
    </div>
  );
}
