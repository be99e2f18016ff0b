/** Lays tiles out as a list, two or three to a row (always two in elderly mode). */
import { Children, type ReactNode } from 'react';
import { cx } from '../../internal/cx.js';

export interface TileGridProps {
  /** Tiles per row in normal mode. */
  columns?: 2 | 3;
  /** Accessible name of the list, e.g. “服务”. */
  label?: string;
  className?: string;
  children?: ReactNode;
}

/**
 * @example
 * <TileGrid label="服务"><Tile … /><Tile … /></TileGrid>
 */
export function TileGrid({ columns = 2, label, className, children }: TileGridProps) {
  return (
    <ul className={cx('cm-tile-grid', `cm-tile-grid--${columns}`, className)} aria-label={label}>
      {Children.toArray(children).map((child, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: children keep their order; toArray gives keyed children anyway
        <li className="cm-tile-grid__item" key={index}>
          {child}
        </li>
      ))}
    </ul>
  );
}
