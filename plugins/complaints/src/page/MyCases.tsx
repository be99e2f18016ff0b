import { useModuleQuery, useNavigate, useT } from '@cunmen/sdk';
import { EmptyState, ErrorState, List, ListItem, LoadingState, Page } from '@cunmen/ui';
import type { CaseSummary } from '../common/model.js';
import { formatTime, messages } from '../i18n.js';
import { ROUTE } from './shared.js';

/** 我的反映: the resident's cases, newest first, with their status. */
export function MyCases() {
  const t = useT(messages);
  const navigate = useNavigate();
  const { data, loading, error, reload } = useModuleQuery<{ items: CaseSummary[]; open: number }>(
    '/cases/mine',
  );
  let body: React.ReactNode;
  if (loading && !data) body = <LoadingState />;
  else if (error) body = <ErrorState message={error.message} onRetry={reload} />;
  else if (!data || data.items.length === 0) body = <EmptyState title={t('mineEmpty')} />;
  else {
    body = (
      <List label={t('mineTitle')}>
        {data.items.map((c) => (
          <ListItem
            key={c.id}
            title={`${t(`category.${c.category}`)} · ${t(`status.${c.status}`)}`}
            description={`${c.tracking} · ${formatTime(c.submittedAt)} · ${c.excerpt}`}
            trailing={c.rating ? t(`rating.${c.rating}`) : undefined}
            onClick={() => navigate(`${ROUTE}/case/${c.id}`)}
          />
        ))}
      </List>
    );
  }
  return (
    <Page title={t('mineTitle')} onBack={() => navigate(ROUTE)}>
      {body}
    </Page>
  );
}
