import { type HostError, type StoredDoc, useConfig, useStoreList, useStoreMutation, useT } from '@cunmen/sdk';
import {
  Button,
  Card,
  EmptyState,
  ErrorState,
  isValidPhone,
  List,
  ListItem,
  LoadingState,
  normalizePhone,
  Page,
  Select,
  TextField,
  Toast,
} from '@cunmen/ui';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { Config } from '../config.js';
import { messages } from '../i18n.js';
import { OWNERS, OWNERS_PAGE, type Owner } from '../owners.js';

type Draft = Omit<Owner, 'available'>;
type Errors = Partial<Record<keyof Draft, string>>;

const EMPTY: Draft = { name: '', type: '', capacity: '', phone: '', area: '' };

/** Village cadres: register machinery, edit it, mark it unavailable, remove it. */
export function FindMachineryAdmin() {
  const config = useConfig<Config>();
  const t = useT(messages);
  const list = useStoreList<Owner>(OWNERS, { limit: OWNERS_PAGE });
  const mutation = useStoreMutation<Owner>(OWNERS);
  const [editing, setEditing] = useState<StoredDoc<Owner> | null>(null);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  // A failed write stays in mutation.error until the next write; "刷新" puts it aside.
  const [dismissed, setDismissed] = useState<HostError | null>(null);
  const failure = mutation.error !== dismissed ? mutation.error : null;

  const field = (key: keyof Draft) => ({
    value: draft[key],
    error: errors[key],
    onValueChange: (value: string) => setDraft((d) => ({ ...d, [key]: value })),
  });

  function reset() {
    setEditing(null);
    setDraft(EMPTY);
    setErrors({});
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const phone = normalizePhone(draft.phone);
    const next: Errors = {};
    if (draft.name.trim() === '') next.name = t('nameRequired');
    if (draft.type === '') next.type = t('typeRequired');
    if (phone === '') next.phone = t('phoneRequired');
    else if (!isValidPhone(phone, { landline: true })) next.phone = t('phoneInvalid');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const data: Draft = {
      name: draft.name.trim(),
      type: draft.type,
      capacity: draft.capacity.trim(),
      phone,
      area: draft.area.trim(),
    };
    const saved = editing
      ? await mutation.put(editing.id, { ...editing.data, ...data }, { ifVersion: editing.version })
      : await mutation.create({ ...data, available: true });
    if (!saved) return;
    reset();
    setDone(t(editing ? 'saved' : 'added'));
  }

  async function toggle(doc: StoredDoc<Owner>) {
    setDone(null);
    const data = { ...doc.data, available: !doc.data.available };
    if (await mutation.put(doc.id, data, { ifVersion: doc.version })) setDone(t('saved'));
  }

  async function remove(id: string) {
    setDone(null);
    setRemoving(null);
    if (await mutation.remove(id)) {
      if (editing?.id === id) reset();
      setDone(t('removed'));
    }
  }

  function edit(doc: StoredDoc<Owner>) {
    setDone(null);
    setEditing(doc);
    setErrors({});
    const { available: _, ...rest } = doc.data;
    setDraft(rest);
  }

  // Keep a type that the config no longer lists selectable while editing an older entry.
  const types =
    draft.type && !config.types.includes(draft.type) ? [...config.types, draft.type] : config.types;

  let registered: ReactNode;
  if (list.loading && list.items.length === 0) registered = <LoadingState />;
  else if (list.error) registered = <ErrorState message={list.error.message} onRetry={list.reload} />;
  else if (list.items.length === 0) registered = <EmptyState title={t('noneRegistered')} />;
  else {
    registered = (
      <List label={t('listTitle')}>
        {list.items.map((doc) => (
          <ListItem
            key={doc.id}
            title={`${doc.data.name} · ${doc.data.type}`}
            description={[
              doc.data.available ? t('available') : t('unavailable'),
              doc.data.capacity,
              doc.data.area && t('serves', { area: doc.data.area }),
              doc.data.phone,
            ]
              .filter(Boolean)
              .join(' · ')}
            trailing={
              <>
                <Button variant="secondary" onClick={() => edit(doc)}>
                  {t('edit')}
                </Button>{' '}
                <Button variant="secondary" disabled={mutation.pending} onClick={() => toggle(doc)}>
                  {doc.data.available ? t('markUnavailable') : t('markAvailable')}
                </Button>{' '}
                {removing === doc.id ? (
                  <Button variant="danger" disabled={mutation.pending} onClick={() => remove(doc.id)}>
                    {t('confirmRemove')}
                  </Button>
                ) : (
                  <Button variant="danger" onClick={() => setRemoving(doc.id)}>
                    {t('remove')}
                  </Button>
                )}
              </>
            }
          />
        ))}
      </List>
    );
  }

  return (
    <Page title={t('adminTitle')}>
      <Card title={editing ? t('editTitle') : t('addTitle')}>
        <form onSubmit={onSubmit} noValidate>
          <TextField label={t('nameLabel')} required maxLength={20} {...field('name')} />
          <Select
            label={t('typeLabel')}
            required
            options={types.map((value) => ({ value, label: value }))}
            {...field('type')}
          />
          <TextField
            label={t('capacityLabel')}
            hint={t('capacityHint')}
            maxLength={30}
            {...field('capacity')}
          />
          <TextField
            type="tel"
            inputMode="tel"
            autoComplete="off"
            label={t('phoneLabel')}
            hint={t('phoneHint')}
            required
            maxLength={20}
            {...field('phone')}
          />
          <TextField label={t('areaLabel')} hint={t('areaHint')} maxLength={50} {...field('area')} />
          <p>
            <Button type="submit" loading={mutation.pending}>
              {editing ? t('save') : t('add')}
            </Button>
            {editing ? (
              <>
                {' '}
                <Button variant="secondary" onClick={reset}>
                  {t('cancel')}
                </Button>
              </>
            ) : null}
          </p>
        </form>
      </Card>
      {failure ? (
        <ErrorState
          message={failure.message}
          retryLabel={t('refresh')}
          onRetry={
            failure.code === 'SHELL_ERR_VERSION_CONFLICT'
              ? () => {
                  setDismissed(failure);
                  reset();
                  void list.reload();
                }
              : undefined
          }
        />
      ) : null}
      <div role="status">{done ? <Toast inline message={done} tone="success" /> : null}</div>
      {registered}
    </Page>
  );
}
