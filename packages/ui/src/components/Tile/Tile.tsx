/**
 * A home-screen tile: icon, title, subtitle and badge on a card that is a real link (`href`) or button
 * (`onClick`), so it works with the keyboard and screen readers.
 */
import type { MouseEvent, ReactElement, ReactNode } from 'react';
import { cx } from '../../internal/cx.js';
import { Icon, type IconName } from '../Icon/Icon.js';

export interface TileProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /**
   * Decorative icon (hidden from assistive technology): a UI kit icon by name, or the widget's own
   * element (e.g. an `<img>` of an SVG it ships as a hashed asset). Never an emoji.
   */
  icon?: IconName | ReactElement;
  /** A short count or word in the corner, e.g. 3 or “新”. */
  badge?: ReactNode;
  /** What the badge means for screen readers, e.g. “3 条未读”. */
  badgeLabel?: string;
  /** Renders a link. */
  href?: string;
  /** Renders a button (when there is no `href`), or runs on the link's click. */
  onClick?: (event: MouseEvent<HTMLElement>) => void;
  className?: string;
}

/**
 * @example
 * <Tile icon="tractor" title="找农机" subtitle="附近 12 台" badge={3} badgeLabel="3 条新消息" href="#/machines" />
 */
export function Tile({ title, subtitle, icon, badge, badgeLabel, href, onClick, className }: TileProps) {
  const hasBadge = badge !== undefined && badge !== null && badge !== false && badge !== '';
  const content = (
    <>
      {icon || hasBadge ? (
        <span className="cm-tile__head">
          {icon ? (
            <span className="cm-tile__icon" aria-hidden="true">
              {typeof icon === 'string' ? <Icon name={icon} /> : icon}
            </span>
          ) : null}
          {hasBadge ? (
            <span className="cm-tile__badge" aria-hidden={badgeLabel ? 'true' : undefined}>
              {badge}
            </span>
          ) : null}
        </span>
      ) : null}
      {/* Long names are cut after three lines; the full name stays in the tooltip and the DOM. */}
      <span className="cm-tile__title" title={typeof title === 'string' ? title : undefined}>
        {title}
      </span>
      {subtitle ? <span className="cm-tile__subtitle">{subtitle}</span> : null}
      {hasBadge && badgeLabel ? <span className="cm-visually-hidden">{badgeLabel}</span> : null}
    </>
  );
  const classes = cx('cm-tile', className);
  if (href !== undefined) {
    return (
      <a className={classes} href={href} onClick={onClick}>
        {content}
      </a>
    );
  }
  return (
    <button type="button" className={classes} onClick={onClick}>
      {content}
    </button>
  );
}
