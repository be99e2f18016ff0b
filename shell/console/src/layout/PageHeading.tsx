/**
 * A screen's heading: breadcrumbs above the title on a desktop; on a phone only the title (small
 * breadcrumb links are no target for a thumb, and the bottom bar leads home).
 */
import { Link } from '@tanstack/react-router';
import { Breadcrumb, Typography } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useT } from '../i18n/index.js';
import { useIsPhone } from './useIsPhone.js';

export interface Crumb {
  label: string;
  /** A link target; the last crumb (the page itself) has none. */
  to?: string;
}

export function PageHeading({
  title,
  crumbs = [],
  extra,
}: {
  title: string;
  crumbs?: Crumb[];
  extra?: ReactNode;
}) {
  const t = useT();
  const phone = useIsPhone();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <div className="console-heading">
      {phone || crumbs.length === 0 ? null : (
        <Breadcrumb
          className="console-heading__crumbs"
          items={[...crumbs, { label: title }].map((c) => ({
            key: c.label,
            title: c.to ? <Link to={c.to}>{c.label}</Link> : c.label,
          }))}
        />
      )}
      <div className="console-heading__row">
        <Typography.Title level={1} className="console-heading__title">
          {title}
        </Typography.Title>
        {extra}
      </div>
    </div>
  );
}
