/**
 * A home-screen tile: icon, title, subtitle and badge on a card that is a real link (`href`) or button
 * (`onClick`), so it works with the keyboard and screen readers.
 */
import type { MouseEvent, ReactNode } from 'react';
import { cx } from '../../internal/cx.js';

export interface TileProps {
  title: ReactNode;
  subtitle?: ReactNode;
  /** Decorative icon (hidden from assistive technology). */
  icon?: ReactNode;
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
 * <Tile icon="🚜" title="找农机" subtitle="附近 12 台" badge={3} badgeLabel="3 条新消息" href="#/machines" />
 */
export function Tile({ title, subtitle, icon, badge, badgeLabel, href, onClick, className }: TileProps) {
  const hasBadge = badge !== undefined && badge !== null && badge !== false && badge !== '';
  const content = (
    <>
      {icon || hasBadge ? (
        <span className="cm-tile__head">
          {icon ? (
            <span className="cm-tile__icon" aria-hidden="true">
              {icon}
            </span>
          ) : null}
          {hasBadge ? (
            <span className="cm-tile__badge" aria-hidden={badgeLabel ? 'true' : undefined}>
              {badge}
            </span>
          ) : null}
        </span>
      ) : null}
      <span className="cm-tile__title">{title}</span>
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
