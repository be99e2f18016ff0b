/** A village cadre sets up a branch with its secretary, who runs it from then on. */
import { useModuleMutation, useT } from '@cunmen/sdk';
import { Button, Card, Select, TextField } from '@cunmen/ui';
import { type FormEvent, useState } from 'react';
import { chinaDay } from '../common/day.js';
import { messages } from './i18n.js';
import { emptyMember, MemberFields, memberBody } from './MemberFields.js';

export function CreateBranch({ onDone }: { onDone(): void }) {
  const t = useT(messages);
  const { request, pending, error } = useModuleMutation();
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [phone, setPhone] = useState('');
  const [trackingFrom, setTrackingFrom] = useState(() => `${chinaDay(new Date()).slice(0, 7)}-01`);
  const [hasGroups, setHasGroups] = useState('yes');
  const [secretary, setSecretary] = useState(emptyMember);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name,
      address,
      phone,
      trackingFrom,
      hasGroups: hasGroups === 'yes',
      secretary: memberBody(secretary, false),
    };
    if (await request('POST', '/branches', body)) onDone();
  };
  return (
    <Card title={t('create.title')} headingLevel={2}>
      <form onSubmit={(e) => void submit(e)} style={{ display: 'grid', gap: 8 }}>
        <TextField label={t('create.name')} value={name} onValueChange={setName} />
        <TextField label={t('create.address')} value={address} onValueChange={setAddress} />
        <TextField label={t('create.phone')} type="tel" value={phone} onValueChange={setPhone} />
        <TextField label={t('create.trackingFrom')} value={trackingFrom} onValueChange={setTrackingFrom} />
        <Select
          label={t('create.hasGroups')}
          value={hasGroups}
          onValueChange={setHasGroups}
          options={[
            { value: 'yes', label: t('create.yes') },
            { value: 'no', label: t('create.no') },
          ]}
        />
        <h3 style={{ margin: 0 }}>{t('create.secretary')}</h3>
        <MemberFields draft={secretary} onChange={setSecretary} withRole={false} />
        {error ? <p role="alert">{error.message}</p> : null}
        <Button type="submit" disabled={pending}>
          {t('create.submit')}
        </Button>
      </form>
    </Card>
  );
}
