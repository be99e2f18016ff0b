/**
 * Members with their roles. Officers see (and the server sends) personal data unmasked and may open a
 * member's full record — an audited read; everyone else gets the masked list.
 */
import { useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, Card, List, ListItem } from '@cunmen/ui';
import { type FormEvent, useState } from 'react';
import type { BranchDetail } from '../answers.js';
import type { Member } from '../common/index.js';
import { messages } from './i18n.js';
import { emptyMember, MemberFields, memberBody } from './MemberFields.js';

function AddMember({ branch }: { branch: string }) {
  const t = useT(messages);
  const { request, pending, error } = useModuleMutation();
  const [draft, setDraft] = useState(emptyMember);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await request('POST', `/branches/${branch}/members`, memberBody(draft))) setDraft(emptyMember());
  };
  return (
    <Card title={t('member.add')} headingLevel={3}>
      <form onSubmit={(e) => void submit(e)} style={{ display: 'grid', gap: 8 }}>
        <MemberFields draft={draft} onChange={setDraft} />
        {error ? <p role="alert">{error.message}</p> : null}
        <Button type="submit" disabled={pending}>
          {t('member.add')}
        </Button>
      </form>
    </Card>
  );
}

export function Members({ detail }: { detail: BranchDetail }) {
  const t = useT(messages);
  const branch = detail.branch.id;
  const list = useModuleQuery<Member[]>(`/branches/${branch}/members`);
  const [open, setOpen] = useState<string | null>(null);
  const full = useModuleQuery<Member>(open ? `/branches/${branch}/members/${open}` : null);
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <List label={t('tabs.members')}>
        {(list.data ?? []).map((m) => (
          <ListItem
            key={m.id}
            title={`${m.name} · ${t(`member.roles.${m.role}`)} · ${t(`member.statuses.${m.status}`)}`}
            description={
              open === m.id && full.data
                ? `${full.data.birthDate} · ${full.data.phone} · ${full.data.account ?? '—'}`
                : `${m.birthDate} · ${m.phone} · ${m.joinedOn}`
            }
            trailing={
              detail.viewer.officer && open !== m.id ? (
                <Button variant="secondary" onClick={() => setOpen(m.id)}>
                  {t('member.show')}
                </Button>
              ) : null
            }
          />
        ))}
      </List>
      {detail.viewer.officer ? <AddMember branch={branch} /> : null}
    </div>
  );
}
