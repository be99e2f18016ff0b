/**
 * Lays tiles out as a list: two (or three) to a row on a phone, two in elderly mode, one at a 200 % font
 * scale — the column count follows the text size (see styles.css).
 */
import { Children, isValidElement, type ReactNode } from 'react';
import { cx } from '../../internal/cx.js';

export interface TileGridProps {
  /** Two or three tiles a row on a phone in normal mode (fewer when the text is larger). */
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
    <div className={cx('cm-tile-grid', `cm-tile-grid--${columns}`, className)}>
      <ul className="cm-tile-grid__list" aria-label={label}>
        {Children.toArray(children).map((child) => (
          // toArray gives every element child a key (".0", ".1" or its own).
          <li
            className="cm-tile-grid__item"
            key={isValidElement(child) && child.key !== null ? child.key : String(child)}
          >
            {child}
          </li>
        ))}
      </ul>
    </div>
  );
}
