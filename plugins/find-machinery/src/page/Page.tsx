import { useConfig, useStoreList, useT } from '@cunmen/sdk';
import {
  Button,
  EmptyState,
  ErrorState,
  List,
  ListItem,
  LoadingState,
  Page,
  Select,
  TextField,
} from '@cunmen/ui';
import { type ReactNode, useState } from 'react';
import type { Config } from '../config.js';
import { messages } from '../i18n.js';
import { OWNERS, OWNERS_PAGE, type Owner } from '../owners.js';

/** Whether an owner matches the chosen type ('' = all) and keyword (name, area or capacity). */
export function matches(owner: Owner, type: string, keyword: string): boolean {
  if (type !== '' && owner.type !== type) return false;
  const k = keyword.trim().toLowerCase();
  if (k === '') return true;
  return [owner.name, owner.area, owner.capacity].some((text) => text.toLowerCase().includes(k));
}

/** Residents: search machinery by type and keyword, tap a result to call its owner. */
export function FindMachineryPage() {
  const config = useConfig<Config>();
  const t = useT(messages);
  const list = useStoreList<Owner>(OWNERS, { limit: OWNERS_PAGE });
  const [type, setType] = useState('');
  const [keyword, setKeyword] = useState('');

  const shown = list.items
    .filter((doc) => (config.showUnavailable || doc.data.available) && matches(doc.data, type, keyword))
    // Available machines first; the store's newest-first order otherwise.
    .sort((a, b) => Number(b.data.available) - Number(a.data.available));

  let results: ReactNode;
  if (list.loading && list.items.length === 0) results = <LoadingState />;
  else if (list.error) results = <ErrorState message={list.error.message} onRetry={list.reload} />;
  else if (list.items.length === 0) results = <EmptyState title={t('noneRegistered')} />;
  else if (shown.length === 0) results = <EmptyState title={t('noMatch')} description={t('noMatchHint')} />;
  else {
    results = (
      <>
        <p role="status">{t('found', { count: shown.length })}</p>
        <List label={config.heading}>
          {shown.map(({ id, data }) => (
            <ListItem
              key={id}
              href={`tel:${data.phone}`}
              title={`${data.name} · ${data.type}`}
              description={[
                data.capacity,
                data.area && t('serves', { area: data.area }),
                t('call', { phone: data.phone }),
              ]
                .filter(Boolean)
                .join(' · ')}
              trailing={data.available ? undefined : t('unavailable')}
            />
          ))}
        </List>
        {list.hasMore ? (
          <Button variant="secondary" block loading={list.loading} onClick={list.loadMore}>
            {t('loadMore')}
          </Button>
        ) : null}
      </>
    );
  }

  return (
    <Page title={config.heading}>
      <Select
        label={t('typeLabel')}
        placeholder={t('allTypes')}
        options={config.types.map((value) => ({ value, label: value }))}
        value={type}
        onValueChange={setType}
      />
      <TextField
        type="search"
        label={t('keywordLabel')}
        hint={t('keywordHint')}
        value={keyword}
        onValueChange={setKeyword}
        maxLength={20}
      />
      {results}
    </Page>
  );
}
