/**
 * A widget's page: a `section` named by its title heading, with an optional back button. It never
 * renders `<main>`: the shell owns the one main landmark, and several widgets may share a page.
 */
import { type ReactNode, useId } from 'react';
import { cx } from '../../internal/cx.js';
import { Icon } from '../Icon/Icon.js';
import { useTheme } from '../ThemeProvider/useTheme.js';

export interface PageProps {
  title: ReactNode;
  /** Shows a back button (返回) when given. */
  onBack?: () => void;
  /** Heading level of the title; 1 by default (lower it when a widget renders inside another page). */
  headingLevel?: 1 | 2 | 3;
  /** Actions at the end of the header. */
  actions?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/**
 * @example
 * <Page title="垃圾分类预约" onBack={() => history.back()}>…</Page>
 */
export function Page({ title, onBack, headingLevel = 1, actions, className, children }: PageProps) {
  const { t } = useTheme();
  const titleId = useId();
  const Heading = `h${headingLevel}` as 'h1' | 'h2' | 'h3';
  return (
    <section className={cx('cm-page', className)} aria-labelledby={titleId}>
      <header className="cm-page__header">
        {onBack ? (
          <button type="button" className="cm-page__back" onClick={onBack}>
            <Icon name="back" className="cm-page__back-icon" />
            {t('back')}
          </button>
        ) : null}
        <Heading id={titleId} className="cm-page__title">
          {title}
        </Heading>
        {actions ? <div className="cm-page__actions">{actions}</div> : null}
      </header>
      <div className="cm-page__body">{children}</div>
    </section>
  );
}
