/**
 * 公示栏: date received, date answered, the answering unit and the answer (masked on the server). Only
 * these fields are rendered — never who complained.
 */
import { useModuleQuery, useNavigate, useT } from '@cunmen/sdk';
import { Card, EmptyState, ErrorState, LoadingState, Page } from '@cunmen/ui';
import { formatRate } from '../common/metrics.js';
import type { BoardAnswer } from '../common/model.js';
import { formatTime, messages } from '../i18n.js';
import { ROUTE, stack } from './shared.js';

export function Board() {
  const t = useT(messages);
  const navigate = useNavigate();
  const { data, loading, error, reload } = useModuleQuery<BoardAnswer>('/board');
  let body: React.ReactNode;
  if (loading && !data) body = <LoadingState />;
  else if (error) body = <ErrorState message={error.message} onRetry={reload} />;
  else if (data) {
    const m = data.metrics;
    body = (
      <div style={stack}>
        <p style={{ margin: 0 }} data-testid="board-summary">
          {t('boardSummary', {
            cases: m.cases,
            response: formatRate(m.responseRate),
            resolution: formatRate(m.resolutionRate),
            satisfaction: formatRate(m.satisfactionRate),
          })}
        </p>
        <p className="cm-field__hint" style={{ margin: 0 }}>
          {t('boardPrivacy')}
        </p>
        {data.items.length === 0 ? (
          <EmptyState title={t('boardEmpty')} />
        ) : (
          <ul aria-label={t('boardTitle')} style={{ listStyle: 'none', padding: 0, margin: 0, ...stack }}>
            {data.items.map((item) => (
              <li key={item.tracking}>
                <Card title={`${t(`category.${item.category}`)} · ${item.tracking}`} headingLevel={2}>
                  <p className="cm-field__hint" style={{ margin: 0 }}>
                    {t('boardReceived', { at: formatTime(item.receivedAt) })} ·{' '}
                    {t('boardAnswered', { at: formatTime(item.answeredAt) })}
                  </p>
                  <p style={{ whiteSpace: 'pre-wrap' }}>{item.text}</p>
                  <p style={{ margin: 0 }}>
                    <strong>{t('boardUnit', { unit: item.answerUnit })}</strong>
                  </p>
                  <p style={{ whiteSpace: 'pre-wrap' }}>{item.answer}</p>
                  {item.rating ? (
                    <p style={{ margin: 0 }}>{t('rated', { rating: t(`rating.${item.rating}`) })}</p>
                  ) : null}
                </Card>
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  return (
    <Page title={t('boardTitle')} onBack={() => navigate(ROUTE)}>
      {body}
    </Page>
  );
}
