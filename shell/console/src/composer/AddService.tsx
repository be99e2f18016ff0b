/**
 * Add a service: search the catalog (Chinese or pinyin initials, the catalog's own query), one card per
 * service with who built it, whether it works here and how many villages use it, and 添加. Adding puts
 * it into the draft at its newest approved, compatible version, with its tile, page and navigation
 * entry after the others, and opens its settings.
 */
import { useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { problemText } from '../api/client.js';
import { useCatalogPage } from '../catalog/api.js';
import { CompatBadge } from '../catalog/CompatBadge.js';
import { checkCompatibility } from '../catalog/compatibility.js';
import { formatKb } from '../catalog/search.js';
import type { CatalogEntry } from '../catalog/types.js';
import { useT } from '../i18n/index.js';
import { Loading } from '../layout/Loading.js';
import { useDraftEdit } from './api.js';
import { ComposerHeading } from './ComposerHeading.js';
import { serviceHref } from './paths.js';
import type { ComposerView } from './types.js';

export function AddService({ view }: { view: ComposerView }) {
  const t = useT();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = useCatalogPage(q ? { q } : {});
  const edit = useDraftEdit(view.village.code);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const placed = new Set(view.config.widgets.map((w) => w.name));
  // The button's name starts with what it shows (and says which service), for speech input too.
  const label = (inPortal: boolean, status: string) =>
    inPortal
      ? t('composer.inPortal')
      : status === 'incompatible'
        ? t('composer.cannotUse')
        : t('composer.addShort');

  const add = (entry: CatalogEntry) =>
    edit.mutate(
      { kind: 'add', name: entry.name },
      {
        onSuccess: () => {
          void message.success(t('composer.added', { title: entry.title['zh-CN'] }));
          void navigate({ to: serviceHref(view.village.code, entry.name) as '/' });
        },
      },
    );

  return (
    <section className="console-page composer">
      <ComposerHeading view={view} title={t('composer.add')} />
      <Typography.Paragraph>{t('composer.addHint')}</Typography.Paragraph>
      <Form layout="vertical" role="search" onFinish={() => setQ(text.trim())}>
        <Form.Item label={t('catalog.search')} htmlFor="composer-q" extra={t('catalog.searchHint')}>
          <Space.Compact block>
            <Input id="composer-q" type="search" value={text} onChange={(e) => setText(e.target.value)} />
            <Button type="primary" htmlType="submit">
              {t('catalog.searchButton')}
            </Button>
          </Space.Compact>
        </Form.Item>
      </Form>
      {edit.isError ? (
        <Alert type="error" role="alert" title={problemText(edit.error, t('app.failed', { message: '' }))} />
      ) : null}
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
          <p role="status">
            {results.data.total === 0 ? t('catalog.none') : t('catalog.found', { total: results.data.total })}
          </p>
          <List
            className="composer-catalog"
            dataSource={results.data.items.filter((e) => e.kind !== 'library')}
            renderItem={(entry) => {
              const compat = checkCompatibility(entry);
              const title = entry.title['zh-CN'];
              const inPortal = placed.has(entry.name);
              return (
                <List.Item data-package={entry.name}>
                  <div className="composer-catalog__entry">
                    <h2 className="console-entry__title">{title}</h2>
                    <p>
                      {entry.standard
                        ? t('catalog.standard')
                        : t('catalog.from', { county: entry.countyName ?? entry.county ?? '' })}
                      {' · '}
                      {entry.reuse.villages === 0
                        ? t('catalog.unused')
                        : t('catalog.reuse', {
                            counties: entry.reuse.counties,
                            villages: entry.reuse.villages,
                          })}
                      {entry.size ? ` · ${t('catalog.size', { kb: formatKb(entry.size.totalGzip) })}` : ''}
                    </p>
                    <p>{entry.description['zh-CN']}</p>
                    <CompatBadge compat={compat} />
                  </div>
                  <Button
                    type="primary"
                    size="large"
                    disabled={inPortal || compat.status === 'incompatible'}
                    loading={
                      edit.isPending && edit.variables?.kind === 'add' && edit.variables.name === entry.name
                    }
                    onClick={() => add(entry)}
                    aria-label={`${label(inPortal, compat.status)}“${title}”`}
                  >
                    {label(inPortal, compat.status)}
                  </Button>
                </List.Item>
              );
            }}
          />
        </>
      )}
    </section>
  );
}
