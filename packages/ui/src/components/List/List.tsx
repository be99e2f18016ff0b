/**
 * A list of rows (notices, bookings, machines): each row has a title, an optional description and a
 * trailing action. A row with `href` or `onClick` makes its main part a link or button; the trailing
 * action stays a separate control (no nested interactive elements).
 */
import type { MouseEvent, ReactElement, ReactNode } from 'react';
import { cx } from '../../internal/cx.js';
import { Icon, type IconName } from '../Icon/Icon.js';

export interface ListProps {
  /** Accessible name of the list. */
  label?: string;
  className?: string;
  children?: ReactNode;
}

/**
 * @example
 * <List label="通知"><ListItem title="停水通知" description="3 月 2 日" /></List>
 */
export function List({ label, className, children }: ListProps) {
  return (
    <ul className={cx('cm-list', className)} aria-label={label}>
      {children}
    </ul>
  );
}

export interface ListItemProps {
  title: ReactNode;
  description?: ReactNode;
  /** Decorative icon before the text: a UI kit icon by name, or an element. */
  icon?: IconName | ReactElement;
  /** An action at the end of the row (a Button, a status word …). */
  trailing?: ReactNode;
  href?: string;
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  className?: string;
}

/**
 * @example
 * <ListItem title="旋耕机" description="王师傅 · 2 公里" trailing={<Button variant="secondary">预约</Button>} />
 */
export function ListItem({ title, description, icon, trailing, href, onClick, className }: ListItemProps) {
  const main = (
    <>
      {icon ? (
        <span className="cm-list-item__icon" aria-hidden="true">
          {typeof icon === 'string' ? <Icon name={icon} /> : icon}
        </span>
      ) : null}
      <span className="cm-list-item__text">
        <span className="cm-list-item__title">{title}</span>
        {description ? <span className="cm-list-item__description">{description}</span> : null}
      </span>
    </>
  );
  let mainElement: ReactNode;
  if (href !== undefined) {
    mainElement = (
      <a className="cm-list-item__main cm-list-item__main--action" href={href} onClick={onClick}>
        {main}
      </a>
    );
  } else if (onClick) {
    mainElement = (
      <button type="button" className="cm-list-item__main cm-list-item__main--action" onClick={onClick}>
        {main}
      </button>
    );
  } else {
    mainElement = <div className="cm-list-item__main">{main}</div>;
  }
  return (
    <li className={cx('cm-list-item', className)}>
      {mainElement}
      {trailing ? <div className="cm-list-item__trailing">{trailing}</div> : null}
    </li>
  );
}
