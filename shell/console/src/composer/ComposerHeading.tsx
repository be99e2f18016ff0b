/** The heading of a composer screen: the crumbs lead home and back to the overview. */

import type { ReactNode } from 'react';
import { useT } from '../i18n/index.js';
import { PageHeading } from '../layout/PageHeading.js';
import { composerHref } from './paths.js';
import type { ComposerView } from './types.js';

export function ComposerHeading({
  view,
  title,
  extra,
}: {
  view: ComposerView;
  title?: string;
  extra?: ReactNode;
}) {
  const t = useT();
  const overview = t('composer.titleOf', { village: view.village.name });
  const crumbs = [{ label: t('app.home'), to: '/' }];
  if (title) crumbs.push({ label: overview, to: composerHref(view.village.code) });
  return <PageHeading title={title ?? overview} crumbs={crumbs} extra={extra} />;
}

/** `2025-05-06T09:30:00Z` → `05-06 17:30` (China time), for "saved at". */
export function shortTime(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Date(time + 8 * 3600_000).toISOString().slice(5, 16).replace('T', ' ');
}
