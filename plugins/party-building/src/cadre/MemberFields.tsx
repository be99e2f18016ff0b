/** The fields of a member (and of a branch's secretary), and the body they make for the API. */
import { useT } from '@cunmen/sdk';
import { Select, TextField } from '@cunmen/ui';
import { MEMBER_ROLES, MEMBER_STATUSES } from '../common/index.js';
import { messages } from './i18n.js';

export interface MemberDraft {
  name: string;
  gender: string;
  birthDate: string;
  phone: string;
  joinedOn: string;
  role: string;
  status: string;
  account: string;
}

export const emptyMember = (): MemberDraft => ({
  name: '',
  gender: 'male',
  birthDate: '',
  phone: '',
  joinedOn: '',
  role: 'member',
  status: 'full',
  account: '',
});

export const memberBody = ({ account, role, ...d }: MemberDraft, withRole = true) => ({
  ...d,
  ...(withRole ? { role } : {}),
  account: account.trim() || null,
});

export function MemberFields({
  draft,
  onChange,
  withRole = true,
}: {
  draft: MemberDraft;
  onChange(next: MemberDraft): void;
  withRole?: boolean;
}) {
  const t = useT(messages);
  const set = (key: keyof MemberDraft) => (value: string) => onChange({ ...draft, [key]: value });
  return (
    <>
      <TextField label={t('member.name')} value={draft.name} onValueChange={set('name')} />
      <Select
        label={t('member.gender')}
        value={draft.gender}
        onValueChange={set('gender')}
        options={[
          { value: 'male', label: t('member.male') },
          { value: 'female', label: t('member.female') },
        ]}
      />
      <TextField label={t('member.birthDate')} value={draft.birthDate} onValueChange={set('birthDate')} />
      <TextField label={t('member.phone')} type="tel" value={draft.phone} onValueChange={set('phone')} />
      <TextField label={t('member.joinedOn')} value={draft.joinedOn} onValueChange={set('joinedOn')} />
      {withRole ? (
        <Select
          label={t('member.role')}
          value={draft.role}
          onValueChange={set('role')}
          options={MEMBER_ROLES.map((r) => ({ value: r, label: t(`member.roles.${r}`) }))}
        />
      ) : null}
      <Select
        label={t('member.status')}
        value={draft.status}
        onValueChange={set('status')}
        options={MEMBER_STATUSES.map((s) => ({ value: s, label: t(`member.statuses.${s}`) }))}
      />
      <TextField label={t('member.account')} value={draft.account} onValueChange={set('account')} />
    </>
  );
}
