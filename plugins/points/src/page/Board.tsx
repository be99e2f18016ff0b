/** The public leaderboard of the year and this month's summary; names masked as the village decided. */
import { useModuleQuery, useNavigate, useT } from '@cunmen/sdk';
import { ErrorState, List, ListItem, LoadingState, Page } from '@cunmen/ui';
import type { BoardRow, MonthSummary } from '../common/model.js';
import { messages } from '../i18n.js';
import { ROUTE, stack } from './shared.js';

export function Board({ back = true }: { back?: boolean }) {
  const t = useT(messages);
  const navigate = useNavigate();
  const board = useModuleQuery<{ year: number; items: BoardRow[] }>('/leaderboard');
  const month = useModuleQuery<MonthSummary>('/summary');
  const failed = board.error ?? month.error;
  return (
    <Page title={t('board.title')} {...(back ? { onBack: () => navigate(ROUTE) } : {})}>
      {failed && !board.data ? (
        <ErrorState message={failed.message} onRetry={() => void board.reload()} />
      ) : !board.data ? (
        <LoadingState />
      ) : (
        <div style={stack}>
          <List label={t('board.year', { year: board.data.year })}>
            {board.data.items.length === 0 ? (
              <ListItem title={t('board.empty')} />
            ) : (
              board.data.items.map((r) => (
                <ListItem
                  key={r.rank}
                  title={`${r.rank}. ${r.name}`}
                  trailing={t('board.points', { n: r.points })}
                />
              ))
            )}
          </List>
          {month.data ? (
            <p style={{ margin: 0 }}>
              {t('board.awarded', { n: month.data.awarded })} ·{' '}
              {t('board.redeemed', { n: month.data.redeemed })}
            </p>
          ) : null}
        </div>
      )}
    </Page>
  );
}
