/**
 * The branch pages (route `party`): the village's branches with what they must still hold; a branch's
 * organisational life, members, study and news, points. Officers act; other cadres read (masked).
 */
import { type CadrePageProps, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, ErrorState, LoadingState, Page, Select } from '@cunmen/ui';
import { useState } from 'react';
import type { BranchSummary } from '../answers.js';
import { Branch } from './Branch.js';
import { CreateBranch } from './CreateBranch.js';
import { messages } from './i18n.js';

export function PartyCadre(_props: CadrePageProps) {
  const t = useT(messages);
  const list = useModuleQuery<BranchSummary[]>('/branches');
  const [picked, setPicked] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  if (list.error && !list.data) {
    return <ErrorState message={list.error.message} onRetry={() => void list.reload()} />;
  }
  if (!list.data) return <LoadingState />;
  const branches = list.data;
  const current = branches.find((b) => b.id === picked) ?? branches[0];
  return (
    <Page title={t('title')}>
      {branches.length > 1 ? (
        <Select
          label={t('pick')}
          value={current?.id ?? ''}
          onValueChange={setPicked}
          options={branches.map((b) => ({
            value: b.id,
            label: t('pickLabel', { name: b.name, overdue: b.overdue, due: b.due }),
          }))}
        />
      ) : null}
      {branches.length === 0 ? <p role="note">{t('none')}</p> : null}
      {branches.length === 0 || creating ? (
        <CreateBranch onDone={() => setCreating(false)} />
      ) : (
        <Button variant="secondary" onClick={() => setCreating(true)}>
          {t('create.title')}
        </Button>
      )}
      {current ? <Branch key={current.id} id={current.id} /> : null}
    </Page>
  );
}
