import { useConfig, useStoreList, useStoreMutation, useT } from '@cunmen/sdk';
import { Button, EmptyState, ErrorState, List, ListItem, LoadingState, Page, TextField } from '@cunmen/ui';
import { type FormEvent, useState } from 'react';
import type { Config } from '../config.js';
import { messages } from '../i18n.js';

interface Entry {
  text: string;
}

export function WastePickupPage() {
  const config = useConfig<Config>();
  const t = useT(messages);
  const list = useStoreList<Entry>('entries', { limit: config.pageSize });
  const mutation = useStoreMutation<Entry>('entries');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') {
      setError(t('itemRequired'));
      return;
    }
    setError(undefined);
    await mutation.create({ text: text.trim() });
    setText('');
    list.reload();
  }

  return (
    <Page title={config.heading}>
      <form onSubmit={onSubmit} noValidate>
        <TextField
          label={t('itemLabel')}
          value={text}
          onValueChange={setText}
          error={error}
          maxLength={100}
        />
        <Button type="submit" loading={mutation.pending}>
          {t('add')}
        </Button>
      </form>
      {list.loading && list.items.length === 0 ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState message={list.error.message} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState title={t('empty')} />
      ) : (
        <List>
          {list.items.map((doc) => (
            <ListItem key={doc.id} title={doc.data.text} />
          ))}
        </List>
      )}
    </Page>
  );
}
