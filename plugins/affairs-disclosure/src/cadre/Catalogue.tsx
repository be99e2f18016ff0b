/**
 * The village's effective catalogue (built-in ← province ← county ← village) and a form to add an item
 * at the caller's own level; the province may also replace a built-in item. The server decides the
 * level from the account.
 */
import { useModuleMutation, useModuleQuery, useT, useUser } from '@cunmen/sdk';
import { Button, Card, ErrorState, List, ListItem, LoadingState, Select, TextField, Toast } from '@cunmen/ui';
import { type FormEvent, useState } from 'react';
import {
  CADENCES,
  CATEGORIES,
  type Cadence,
  type CatalogueAnswer,
  type Category,
  DEFAULT_CATALOGUE,
} from '../common/web.js';
import { messages } from '../i18n.js';

export function Catalogue() {
  const t = useT(messages);
  const user = useUser();
  const { data, loading, error, reload } = useModuleQuery<CatalogueAnswer>('/catalogue');
  const mutation = useModuleMutation();
  const [category, setCategory] = useState<Category>('village');
  const [title, setTitle] = useState('');
  const [basis, setBasis] = useState('');
  const [cadence, setCadence] = useState<Cadence>('quarterly');
  const [day, setDay] = useState('20');
  const [owner, setOwner] = useState('');
  const [maskNames, setMaskNames] = useState(false);
  const [replaces, setReplaces] = useState('');
  const [done, setDone] = useState<string | null>(null);

  async function onAdd(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    const n = Number(day);
    const body = {
      category,
      title: title.trim(),
      basis: basis.trim(),
      cadence,
      deadline: cadence === 'immediate' ? { kind: 'after-event', days: n } : { kind: 'after-period', day: n },
      owner: owner.trim(),
      maskNames,
      ...(replaces ? { replaces } : {}),
    };
    const added = await mutation.request<{ title: string }>('POST', '/catalogue', body);
    if (added) {
      setDone(t('itemAdded', { title: added.title }));
      setTitle('');
      setBasis('');
      setOwner('');
      setReplaces('');
    }
  }

  const field = mutation.error?.field;
  const errorAt = (name: string) =>
    field === name || field?.startsWith(`${name}.`) ? mutation.error?.message : undefined;
  const canAdd = user?.role === 'cadre' || user?.role === 'county' || user?.role === 'province';

  return (
    <div>
      <Card title={t('catalogueTitle')}>
        <p>{t('catalogueIntro')}</p>
        {loading && !data ? <LoadingState /> : null}
        {error ? <ErrorState message={error.message} onRetry={reload} /> : null}
        {data ? (
          <List label={t('catalogueTitle')}>
            {data.items.map((i) => (
              <ListItem
                key={i.key}
                title={`${i.title}（${t(`cat_${i.category}`)}）`}
                description={[
                  `${t(`cadence_${i.cadence}`)} · ${i.deadlineText}`,
                  t('basis', { basis: i.basis }),
                  t('ownerLine', { owner: i.owner }),
                  i.maskNames ? t('maskNamesOn') : '',
                  t('scopeLine', { scope: i.scope === 'builtin' ? t('scope_builtin') : i.scope }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              />
            ))}
          </List>
        ) : null}
      </Card>
      {canAdd ? (
        <Card title={t('addItemTitle')}>
          <p>{t('addItemHint')}</p>
          <form onSubmit={onAdd} noValidate>
            <Select
              label={t('categoryLabel')}
              options={CATEGORIES.map((c) => ({ value: c, label: t(`cat_${c}`) }))}
              value={category}
              onValueChange={(v) => setCategory(v as Category)}
              placeholder={false}
            />
            <TextField
              label={t('itemTitleLabel')}
              required
              maxLength={40}
              value={title}
              onValueChange={setTitle}
              error={errorAt('title')}
            />
            <TextField
              label={t('basisLabel')}
              required
              maxLength={200}
              value={basis}
              onValueChange={setBasis}
              error={errorAt('basis')}
            />
            <Select
              label={t('cadenceLabel')}
              options={CADENCES.map((c) => ({ value: c, label: t(`cadence_${c}`) }))}
              value={cadence}
              onValueChange={(v) => {
                setCadence(v as Cadence);
                setDay(v === 'immediate' ? '5' : '20');
              }}
              placeholder={false}
            />
            <TextField
              label={cadence === 'immediate' ? t('deadlineDaysLabel') : t('deadlineDayLabel')}
              inputMode="numeric"
              maxLength={2}
              value={day}
              onValueChange={setDay}
              error={errorAt('deadline')}
            />
            <TextField
              label={t('ownerLabel')}
              required
              maxLength={40}
              value={owner}
              onValueChange={setOwner}
              error={errorAt('owner')}
            />
            <p>
              <label
                style={{
                  display: 'flex',
                  gap: 8,
                  alignItems: 'center',
                  minHeight: 'var(--cm-touch-min, 44px)',
                }}
              >
                <input
                  type="checkbox"
                  checked={maskNames}
                  onChange={(e) => setMaskNames(e.target.checked)}
                  style={{ width: 24, height: 24 }}
                />
                {t('maskNamesLabel')}
              </label>
            </p>
            {user?.role === 'province' ? (
              <Select
                label={t('replacesLabel')}
                options={[
                  { value: '', label: t('noReplace') },
                  ...DEFAULT_CATALOGUE.map((i) => ({ value: i.key, label: i.title })),
                ]}
                value={replaces}
                onValueChange={setReplaces}
                placeholder={false}
                error={errorAt('replaces')}
              />
            ) : null}
            {mutation.error &&
            !['title', 'basis', 'owner', 'deadline', 'replaces'].some((f) => errorAt(f)) ? (
              <ErrorState message={mutation.error.message} />
            ) : null}
            <p>
              <Button type="submit" loading={mutation.pending}>
                {t('addItem')}
              </Button>
            </p>
            <div role="status">{done ? <Toast inline tone="success" message={done} /> : null}</div>
          </form>
        </Card>
      ) : null}
    </div>
  );
}
