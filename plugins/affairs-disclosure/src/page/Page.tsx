/**
 * Residents: 党务 / 村务 / 财务 tabs and a period filter, then one item with its text, finance table,
 * masked lists and attachments, its revision history, and questions with the village's answers. Few
 * steps and big targets (elderly mode); everything shown here was masked on the server.
 */
import { type PageProps, type Translate, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, EmptyState, ErrorState, List, ListItem, LoadingState, Page, Select } from '@cunmen/ui';
import { useMemo, useState } from 'react';
import { CATEGORIES, type Category, chinaDate, type PublishedSummary } from '../common/web.js';
import { messages } from '../i18n.js';
import { chinaDay } from '../shared/format.js';
import { ItemDetail } from './ItemDetail.js';

/** This year and last: the year, its half-years and quarters. */
type Key = keyof (typeof messages)['zh-CN'];

function periodOptions(t: Translate<Key>, today: string) {
  const y = Number(today.slice(0, 4));
  const out = [{ value: '', label: t('allPeriods') }];
  for (const year of [y, y - 1]) {
    out.push({ value: String(year), label: t('year', { y: year }) });
    for (const h of [2, 1])
      out.push({
        value: `${year}-H${h}`,
        label: t('half', { y: year, h: h === 1 ? t('upper') : t('lower') }),
      });
    for (const q of [4, 3, 2, 1]) out.push({ value: `${year}-Q${q}`, label: t('quarter', { y: year, q }) });
  }
  return out;
}

export function AffairsPage(_props: Partial<PageProps>) {
  const t = useT(messages);
  const [category, setCategory] = useState<Category>('village');
  const [period, setPeriod] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const options = useMemo(() => periodOptions(t, chinaDate(new Date())), [t]);
  const query = `/published?category=${category}${period ? `&period=${period}` : ''}`;
  const { data, loading, error, reload } = useModuleQuery<{ items: PublishedSummary[] }>(open ? null : query);

  if (open) {
    return (
      <Page title={t('title')} onBack={() => setOpen(null)}>
        <ItemDetail id={open} onBack={() => setOpen(null)} onOpen={setOpen} />
      </Page>
    );
  }

  let list: React.ReactNode;
  if (loading && !data) list = <LoadingState />;
  else if (error) list = <ErrorState message={error.message} onRetry={reload} />;
  else if (!data || data.items.length === 0) list = <EmptyState title={t('noneInCategory')} />;
  else
    list = (
      <List label={t(`cat_${category}`)}>
        {data.items.map((i) => (
          <ListItem
            key={i.id}
            title={i.title}
            description={`${i.catalogueTitle} · ${i.period} · ${t('publishedAt', { date: chinaDay(i.publishedAt) })}`}
            onClick={() => setOpen(i.id)}
          />
        ))}
      </List>
    );

  return (
    <Page title={t('title')}>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
        <legend>{t('categories')}</legend>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          {CATEGORIES.map((c) => (
            <Button
              key={c}
              variant={c === category ? 'primary' : 'secondary'}
              aria-pressed={c === category}
              onClick={() => setCategory(c)}
            >
              {t(`cat_${c}`)}
            </Button>
          ))}
        </div>
      </fieldset>
      <Select
        label={t('periodLabel')}
        options={options}
        value={period}
        onValueChange={setPeriod}
        placeholder={false}
      />
      {list}
    </Page>
  );
}
