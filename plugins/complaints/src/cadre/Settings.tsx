/** Time limits and metric weights of the county (or province); the server decides who may change them. */
import { useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, ErrorState, LoadingState, NumberField } from '@cunmen/ui';
import { useEffect, useState } from 'react';
import type { SettingsAnswer, Settings as SettingsValues } from '../common/model.js';
import { formatTime } from '../i18n.js';
import { messages } from './i18n.js';

type Field = {
  key: string;
  label: string;
  get(s: SettingsValues): number;
  set(s: SettingsValues, v: number): SettingsValues;
};

export function Settings() {
  const t = useT(messages);
  const { data, loading, error, reload } = useModuleQuery<SettingsAnswer>('/settings');
  const { request, pending, error: saveError } = useModuleMutation();
  const [draft, setDraft] = useState<SettingsValues | null>(null);
  const [saved, setSaved] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    if (data) setDraft(data.settings);
  }, [data]);

  if (loading && !data) return <LoadingState />;
  if (error) return <ErrorState message={error.message} onRetry={reload} />;
  if (!data || !draft) return null;

  const fields: Field[] = [
    {
      key: 'acceptHours',
      label: t('settings.acceptHours'),
      get: (s) => s.acceptHours,
      set: (s, v) => ({ ...s, acceptHours: v }),
    },
    ...(['emergency', 'utilities', 'general', 'complex'] as const).map((c) => ({
      key: `replyHours.${c}`,
      label: t(`settings.reply${c[0]?.toUpperCase()}${c.slice(1)}` as 'settings.replyEmergency'),
      get: (s: SettingsValues) => s.replyHours[c],
      set: (s: SettingsValues, v: number) => ({ ...s, replyHours: { ...s.replyHours, [c]: v } }),
    })),
    ...(['response', 'resolution', 'satisfaction'] as const).map((w) => ({
      key: `weights.${w}`,
      label: t(`settings.weight${w[0]?.toUpperCase()}${w.slice(1)}` as 'settings.weightResponse'),
      get: (s: SettingsValues) => s.weights[w],
      set: (s: SettingsValues, v: number) => ({ ...s, weights: { ...s.weights, [w]: v } }),
    })),
  ];

  return (
    <form
      style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        const w = draft.weights;
        if (w.response + w.resolution + w.satisfaction !== 100) {
          setLocal(t('settings.weightsSum'));
          return;
        }
        setLocal(null);
        void request('PUT', `/settings?division=${data.division}`, draft).then((answer) => {
          if (answer) setSaved(true);
        });
      }}
    >
      <p>{t('settings.scopeHint')}</p>
      <p role="status">
        {t(`settings.source.${data.source}`)}
        {data.updatedAt
          ? ` · ${t('settings.updated', { at: formatTime(data.updatedAt), by: data.updatedBy ?? '' })}`
          : ''}
      </p>
      {fields.map((f) => (
        <NumberField
          key={f.key}
          label={f.label}
          min={0}
          value={f.get(draft)}
          onValueChange={(v) => setDraft(f.set(draft, v ?? 0))}
        />
      ))}
      {local || saveError ? (
        <p role="alert" className="cm-field__error">
          {local ?? saveError?.message}
        </p>
      ) : null}
      {saved ? <p role="status">{t('settings.saved')}</p> : null}
      <Button type="submit" loading={pending}>
        {t('settings.save')}
      </Button>
    </form>
  );
}
