/**
 * The catalog: search first (Chinese, or pinyin initials — `ljfl` finds 垃圾分类), then narrow by
 * category, county of origin and kind. Each card says what the service is, which county built it,
 * whether it works with this platform, how many villages use it and how much a resident's phone
 * downloads. Everything is in the URL, so the back button and a shared link restore the search.
 */
import { CATEGORIES } from '@cunmen/manifest';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { Alert, Button, Card, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { problemText } from '../api/client.js';
import { useT } from '../i18n/index.js';
import { Loading } from '../layout/Loading.js';
import { PageHeading } from '../layout/PageHeading.js';
import { useCatalogFacets, useCatalogPage } from './api.js';
import { CompatBadge } from './CompatBadge.js';
import { checkCompatibility } from './compatibility.js';
import { type CatalogSearch, countiesOf, formatKb, KINDS, refine, SORTS } from './search.js';
import type { CatalogEntry } from './types.js';

export function CatalogPage() {
  const t = useT();
  const search = useSearch({ from: '/catalog' });
  const navigate = useNavigate({ from: '/catalog' });
  const results = useCatalogPage(search);
  const facets = useCatalogFacets();
  const [text, setText] = useState(search.q ?? '');
  useEffect(() => setText(search.q ?? ''), [search.q]);
  const go = (change: Partial<Record<keyof CatalogSearch, unknown>>) =>
    void navigate({ search: refine(search, change) });
  const all = { value: '', label: t('catalog.all') };

  return (
    <section className="console-page">
      <PageHeading title={t('catalog.title')} crumbs={[{ label: t('app.home'), to: '/' }]} />
      <Typography.Paragraph>{t('catalog.intro')}</Typography.Paragraph>
      <Form
        layout="vertical"
        onFinish={() => go({ q: text })}
        className="console-catalog__search"
        role="search"
      >
        <Form.Item label={t('catalog.search')} htmlFor="catalog-q" extra={t('catalog.searchHint')}>
          <Space.Compact block>
            <Input id="catalog-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
            <Button type="primary" htmlType="submit">
              {t('catalog.searchButton')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      <div className="console-catalog__filters">
        <Filter
          id="catalog-category"
          label={t('catalog.category')}
          value={search.category ?? ''}
          options={[all, ...CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))]}
          onChange={(category) => go({ category })}
        />
        <Filter
          id="catalog-county"
          label={t('catalog.county')}
          value={search.county ?? ''}
          options={[
            all,
            ...countiesOf(facets.data?.items ?? []).map((c) => ({ value: c.code, label: c.name })),
          ]}
          onChange={(county) => go({ county })}
        />
        <Filter
          id="catalog-kind"
          label={t('catalog.kind')}
          value={search.kind ?? ''}
          options={[
            all,
            ...KINDS.map((k) => ({
              value: k,
              label: t(k === 'widget' ? 'catalog.kindWidget' : 'catalog.kindStandard'),
            })),
          ]}
          onChange={(kind) => go({ kind })}
        />
        <Filter
          id="catalog-sort"
          label={t('catalog.sort')}
          value={search.sort ?? 'reuse'}
          options={SORTS.map((s) => ({
            value: s,
            label: t(
              s === 'reuse'
                ? 'catalog.sortReuse'
                : s === 'recent'
                  ? 'catalog.sortRecent'
                  : 'catalog.sortName',
            ),
          }))}
          onChange={(sort) => go({ sort })}
        />
      </div>
      {results.isPending ? (
        <Loading label={t('app.loading')} />
      ) : results.isError ? (
        <Alert
          type="error"
          role="alert"
          title={problemText(results.error, t('app.failed', { message: '' }))}
        />
      ) : (
        <>
          <p className="console-catalog__count" role="status">
            {results.data.total === 0
              ? t('catalog.none')
              : t(results.data.matched === 'pinyin' ? 'catalog.foundPinyin' : 'catalog.found', {
                  total: results.data.total,
                })}
          </p>
          <List
            className="console-catalog__list"
            grid={{ gutter: 16, xs: 1, sm: 1, md: 2, lg: 2, xl: 3, xxl: 4 }}
            dataSource={results.data.items}
            renderItem={(entry) => (
              <List.Item>
                <EntryCard entry={entry} />
              </List.Item>
            )}
          />
          {results.data.pages > 1 ? (
            <nav
              className="console-pager"
              aria-label={t('catalog.page', { page: results.data.page, pages: results.data.pages })}
            >
              <Button disabled={results.data.page <= 1} onClick={() => go({ page: results.data.page - 1 })}>
                {t('catalog.previous')}
              </Button>
              <span>{t('catalog.page', { page: results.data.page, pages: results.data.pages })}</span>
              <Button
                disabled={results.data.page >= results.data.pages}
                onClick={() => go({ page: results.data.page + 1 })}
              >
                {t('catalog.next')}
              </Button>
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}

function Filter(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  return (
    <div className="console-filter">
      <label htmlFor={props.id} className="console-filter__label">
        {props.label}
      </label>
      <Select
        id={props.id}
        value={props.value}
        options={props.options}
        onChange={props.onChange}
        className="console-filter__select"
      />
    </div>
  );
}

function EntryCard({ entry }: { entry: CatalogEntry }) {
  const t = useT();
  const title = entry.title['zh-CN'];
  const [scope, name] = entry.name.split('/');
  const compat = checkCompatibility(entry);
  return (
    <Card className="console-entry" data-package={entry.name}>
      <h2 className="console-entry__title">
        <Link to="/catalog/$scope/$name" params={{ scope: scope ?? '', name: name ?? '' }}>
          {title}
        </Link>
      </h2>
      <p className="console-entry__from">
        {entry.standard
          ? t('catalog.standard')
          : t('catalog.from', { county: entry.countyName ?? entry.county ?? '' })}
        {entry.category ? (
          <Tag className="console-entry__tag">{t(`category.${entry.category}` as 'category.other')}</Tag>
        ) : null}
      </p>
      <p>{entry.description['zh-CN']}</p>
      <p>
        <CompatBadge compat={compat} />
      </p>
      <p>
        {entry.reuse.villages === 0
          ? t('catalog.unused')
          : t('catalog.reuse', { counties: entry.reuse.counties, villages: entry.reuse.villages })}
      </p>
      {entry.size ? <p>{t('catalog.size', { kb: formatKb(entry.size.totalGzip) })}</p> : null}
      {entry.deprecated ? (
        <Alert type="warning" title={t('catalog.deprecated', { message: entry.deprecated })} />
      ) : null}
      <p className="console-entry__name">
        <code>
          {entry.name}@{entry.version}
        </code>
      </p>
    </Card>
  );
}
