/** The staff queue: filters, overdue flags first, tap a case to open it. */
import { useModuleQuery, useT } from '@cunmen/sdk';
import { Button, EmptyState, ErrorState, Icon, List, ListItem, LoadingState, Select } from '@cunmen/ui';
import { useState } from 'react';
import { type CaseSummary, STATUSES } from '../common/model.js';
import { formatTime, messages as resident } from '../i18n.js';
import { messages } from './i18n.js';

export type QueueItem = CaseSummary & { actions: string[] };

export function Queue({ onOpen }: { onOpen(id: string): void }) {
  const t = useT(messages);
  const r = useT(resident);
  const [status, setStatus] = useState('open');
  const [scope, setScope] = useState('village');
  const [overdue, setOverdue] = useState(false);
  const path = `/cases?status=${status}&scope=${scope}${overdue ? '&overdue=1' : ''}`;
  const { data, loading, error, reload } = useModuleQuery<{ items: QueueItem[]; total: number }>(path);

  let body: React.ReactNode;
  if (loading && !data) body = <LoadingState />;
  else if (error) body = <ErrorState message={error.message} onRetry={reload} />;
  else if (!data || data.items.length === 0) body = <EmptyState title={t('queue.empty')} />;
  else {
    body = (
      <>
        <p role="status">{t('queue.count', { n: data.total })}</p>
        <List label={t('tabs.queue')}>
          {data.items.map((c) => {
            const flags = [
              c.deadlines.acceptOverdue ? t('queue.acceptOverdue') : null,
              c.deadlines.replyOverdue ? t('queue.replyOverdue') : null,
              c.deadlines.escalatedAt ? t('queue.escalated') : null,
            ].filter(Boolean);
            return (
              <ListItem
                key={c.id}
                title={`${c.tracking} · ${r(`category.${c.category}`)} · ${r(`status.${c.status}`)}`}
                description={`${c.excerpt} · ${t('queue.due', { accept: formatTime(c.deadlines.acceptDue), reply: formatTime(c.deadlines.replyDue) })}`}
                trailing={
                  flags.length ? (
                    <strong data-testid="overdue">
                      <Icon name="warning" className="cm-icon--start" />
                      {flags.join(' · ')}
                    </strong>
                  ) : (
                    (c.handlerUnit ?? undefined)
                  )
                }
                onClick={() => onOpen(c.id)}
              />
            );
          })}
        </List>
      </>
    );
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <Select
          label={t('queue.status')}
          options={[
            { value: 'open', label: t('queue.open') },
            { value: 'all', label: t('queue.all') },
            ...STATUSES.map((s) => ({ value: s, label: r(`status.${s}`) })),
          ]}
          value={status}
          onValueChange={setStatus}
        />
        <Select
          label={t('queue.scope')}
          options={[
            { value: 'village', label: t('queue.scopeVillage') },
            { value: 'division', label: t('queue.scopeDivision') },
            { value: 'unit', label: t('queue.scopeUnit') },
          ]}
          value={scope}
          onValueChange={setScope}
        />
        <label
          style={{ display: 'flex', gap: 8, alignItems: 'center', minHeight: 'var(--cm-touch-min, 44px)' }}
        >
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          {t('queue.overdueOnly')}
        </label>
        <Button variant="secondary" onClick={() => void reload()}>
          {t('queue.refresh')}
        </Button>
      </div>
      {body}
    </div>
  );
}
