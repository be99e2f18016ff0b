/** The answer limit in force for this village; the province and county admins may change it. */
import { useModuleMutation, useModuleQuery, useT, useUser } from '@cunmen/sdk';
import { Button, Card, ErrorState, TextField, Toast } from '@cunmen/ui';
import { type FormEvent, useState } from 'react';
import type { SettingsAnswer } from '../common/web.js';
import { messages } from '../i18n.js';

export function Settings() {
  const t = useT(messages);
  const user = useUser();
  const { data, error } = useModuleQuery<SettingsAnswer>('/settings');
  const mutation = useModuleMutation();
  const [scope, setScope] = useState('');
  const [days, setDays] = useState('10');
  const [done, setDone] = useState(false);
  const canSet = user?.role === 'county' || user?.role === 'province';

  async function onSave(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    if (await mutation.request('PUT', '/settings', { scope: scope.trim(), answerDays: Number(days) }))
      setDone(true);
  }

  return (
    <Card title={t('settingsTitle')}>
      {data ? <p>{t('settingsCurrent', { days: data.answerDays })}</p> : null}
      {error ? <ErrorState message={error.message} /> : null}
      {canSet ? (
        <form onSubmit={onSave} noValidate>
          <TextField
            label={t('settingsScope')}
            inputMode="numeric"
            maxLength={6}
            value={scope}
            onValueChange={setScope}
            error={mutation.error?.field === 'scope' ? mutation.error.message : undefined}
          />
          <TextField
            label={t('settingsDays')}
            inputMode="numeric"
            maxLength={2}
            value={days}
            onValueChange={setDays}
            error={mutation.error?.field === 'answerDays' ? mutation.error.message : undefined}
          />
          {mutation.error && !['scope', 'answerDays'].includes(mutation.error.field ?? '') ? (
            <ErrorState message={mutation.error.message} />
          ) : null}
          <p>
            <Button type="submit" loading={mutation.pending}>
              {t('settingsSave')}
            </Button>
          </p>
          <div role="status">
            {done ? <Toast inline tone="success" message={t('settingsSaved')} /> : null}
          </div>
        </form>
      ) : null}
    </Card>
  );
}
