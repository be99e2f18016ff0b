/** One branch: its due list and meetings, members, what it publishes, and its members' points. */
import { useModuleQuery, useT } from '@cunmen/sdk';
import { Button, ErrorState, List, ListItem, LoadingState } from '@cunmen/ui';
import { useState } from 'react';
import type { BranchDetail } from '../answers.js';
import { messages } from './i18n.js';
import { Life } from './Life.js';
import { Members } from './Members.js';
import { Publish } from './Publish.js';

const TABS = ['life', 'members', 'publish', 'points'] as const;
type Tab = (typeof TABS)[number];

export function Branch({ id }: { id: string }) {
  const t = useT(messages);
  const [tab, setTab] = useState<Tab>('life');
  const q = useModuleQuery<BranchDetail>(`/branches/${id}`);
  if (q.error && !q.data) return <ErrorState message={q.error.message} onRetry={() => void q.reload()} />;
  if (!q.data) return <LoadingState />;
  const detail = q.data;
  return (
    <section aria-label={detail.branch.name}>
      <h2>{detail.branch.name}</h2>
      <p>
        {detail.branch.address} · {detail.branch.phone}
      </p>
      {detail.viewer.officer ? null : <p role="note">{t('notOfficer')}</p>}
      <nav
        aria-label={detail.branch.name}
        style={{ display: 'flex', gap: 8, flexWrap: 'wrap', marginBottom: 12 }}
      >
        {TABS.map((k) => (
          <Button
            key={k}
            variant={tab === k ? 'primary' : 'secondary'}
            aria-pressed={tab === k}
            onClick={() => setTab(k)}
          >
            {t(`tabs.${k}`)}
          </Button>
        ))}
      </nav>
      {tab === 'life' ? <Life detail={detail} /> : null}
      {tab === 'members' ? <Members detail={detail} /> : null}
      {tab === 'publish' ? <Publish detail={detail} /> : null}
      {tab === 'points' ? (
        <List label={t('points.board')}>
          {detail.points.map((p) => (
            <ListItem key={p.member} title={p.name} trailing={t('points.total', { n: p.total })} />
          ))}
        </List>
      ) : null}
    </section>
  );
}
