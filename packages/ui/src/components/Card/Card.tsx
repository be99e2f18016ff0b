/** A surface that groups related content, with an optional heading and actions. */
import type { ReactNode } from 'react';
import { cx } from '../../internal/cx.js';

export interface CardProps {
  title?: ReactNode;
  /** Heading level of the title; 2 by default (under the page's h1). */
  headingLevel?: 2 | 3 | 4;
  /** Buttons at the bottom of the card. */
  actions?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/**
 * @example
 * <Card title="本周预约" actions={<Button>查看</Button>}>周三上午 9:00</Card>
 */
export function Card({ title, headingLevel = 2, actions, className, children }: CardProps) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <div className={cx('cm-card', className)}>
      {title ? <Heading className="cm-card__title">{title}</Heading> : null}
      {children !== undefined && children !== null ? <div className="cm-card__body">{children}</div> : null}
      {actions ? <div className="cm-card__actions">{actions}</div> : null}
    </div>
  );
}
