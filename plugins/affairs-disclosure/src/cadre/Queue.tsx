/** The village's disclosures in progress and published, newest first; opening one shows its panel. */
import { useModuleQuery, useT } from '@cunmen/sdk';
import { Button, Card, EmptyState, ErrorState, List, ListItem, LoadingState } from '@cunmen/ui';
import type { ItemSummary } from '../common/web.js';
import { messages } from '../i18n.js';
import { chinaTime } from '../shared/format.js';

export function Queue({ onOpen }: { onOpen(id: string): void }) {
  const t = useT(messages);
  const { data, loading, error, reload } = useModuleQuery<{ items: ItemSummary[] }>('/items');
  if (loading && !data) return <LoadingState />;
  if (error) return <ErrorState message={error.message} onRetry={reload} />;
  const items = data?.items ?? [];
  // What the caller can act on comes first.
  const sorted = [...items].sort((a, b) => Number(b.actions.length > 0) - Number(a.actions.length > 0));
  return (
    <Card title={t('queueTitle')}>
      {sorted.length === 0 ? (
        <EmptyState title={t('queueEmpty')} />
      ) : (
        <List label={t('queueTitle')}>
          {sorted.map((i) => (
            <ListItem
              key={i.id}
              title={`${i.title}${i.revision > 1 ? ` · ${t('revisionN', { n: i.revision })}` : ''}`}
              description={`${t(`status_${i.status}`)} · ${i.catalogueTitle} · ${i.period} · ${chinaTime(i.updatedAt)}`}
              trailing={
                <Button
                  variant={i.actions.length > 0 ? 'primary' : 'secondary'}
                  aria-label={`${t('open')} ${i.title}`}
                  onClick={() => onOpen(i.id)}
                >
                  {t('open')}
                </Button>
              }
            />
          ))}
        </List>
      )}
    </Card>
  );
}
