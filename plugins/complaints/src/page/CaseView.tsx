/** One of the resident's cases: status, the text, the answer, every step so far, and the rating once closed. */
import { useModuleMutation, useModuleQuery, useNavigate, useT } from '@cunmen/sdk';
import { Button, Card, ErrorState, LoadingState, Page, RadioGroup, TextArea } from '@cunmen/ui';
import { useState } from 'react';
import { type CaseDetail, type CaseEvent, RATINGS, type Rating } from '../common/model.js';
import { formatTime, messages } from '../i18n.js';
import { Alert, ROUTE, stack } from './shared.js';

type T = ReturnType<typeof useT<(typeof messages)['zh-CN']>>;

export function eventText(t: T, e: CaseEvent): string {
  return t(`action.${e.action}`, { unit: e.unit, target: e.target ?? '' });
}

export function Timeline({ events, t }: { events: CaseEvent[]; t: T }) {
  return (
    <ol style={{ margin: 0, paddingInlineStart: '1.25em', display: 'flex', flexDirection: 'column', gap: 8 }}>
      {events.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only; its position is its identity.
        <li key={i}>
          <div>
            <strong>{eventText(t, e)}</strong>
          </div>
          <div className="cm-field__hint">{formatTime(e.at)}</div>
          {e.note && e.action !== 'rate' ? <div>{e.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}

function RateForm({ id }: { id: string }) {
  const t = useT(messages);
  const { request, pending, error } = useModuleMutation();
  const [rating, setRating] = useState<Rating | ''>('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <Card title={t('rateTitle')} headingLevel={2}>
      <div style={stack}>
        <RadioGroup
          label={t('rateTitle')}
          options={RATINGS.map((value) => ({ value, label: t(`rating.${value}`) }))}
          value={rating}
          onValueChange={(v) => {
            setRating(v as Rating);
            setMissing(false);
          }}
          error={missing ? t('rateTitle') : undefined}
        />
        <TextArea
          label={t('rateComment')}
          value={comment}
          onValueChange={setComment}
          maxLength={500}
          rows={3}
        />
        <Alert>{error?.message}</Alert>
        <Button
          block
          loading={pending}
          onClick={() => {
            if (!rating) {
              setMissing(true);
              return;
            }
            void request('POST', `/cases/${id}/rate`, {
              rating,
              ...(comment.trim() ? { comment: comment.trim() } : {}),
            });
          }}
        >
          {t('rateSend')}
        </Button>
      </div>
    </Card>
  );
}

export function CaseView({ id }: { id: string }) {
  const t = useT(messages);
  const navigate = useNavigate();
  const { data, loading, error, reload } = useModuleQuery<CaseDetail>(`/cases/${encodeURIComponent(id)}`);
  let body: React.ReactNode;
  if (loading && !data) body = <LoadingState />;
  else if (error) body = <ErrorState message={error.message} onRetry={reload} />;
  else if (data) {
    const overdue = data.deadlines.acceptOverdue || data.deadlines.replyOverdue;
    body = (
      <div style={stack}>
        <Card title={t(`category.${data.category}`)} headingLevel={2}>
          <p style={{ margin: 0 }}>
            <strong data-testid="status">{t(`status.${data.status}`)}</strong>
            {overdue && data.answer === null ? ` · ${t('overdue')}` : ''}
          </p>
          <p className="cm-field__hint" style={{ margin: 0 }}>
            {t('submittedAt', { at: formatTime(data.submittedAt) })}
          </p>
          <p style={{ whiteSpace: 'pre-wrap' }}>{data.text}</p>
        </Card>
        {data.answer ? (
          <Card title={t('answerTitle')} headingLevel={2}>
            <p className="cm-field__hint" style={{ margin: 0 }}>
              {t('answeredBy', { unit: data.answerUnit ?? '', at: formatTime(data.answeredAt) })}
            </p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{data.answer}</p>
            {data.resolved !== null ? (
              <p style={{ margin: 0 }}>{data.resolved ? t('resolved') : t('unresolved')}</p>
            ) : null}
          </Card>
        ) : null}
        {data.rating ? (
          <p role="status" style={{ margin: 0 }}>
            {t('rated', { rating: t(`rating.${data.rating}`) })}
          </p>
        ) : data.actions.includes('rate') ? (
          <RateForm id={data.id} />
        ) : null}
        <Card title={t('timeline')} headingLevel={2}>
          <Timeline events={data.history} t={t} />
        </Card>
      </div>
    );
  }
  return (
    <Page
      title={data ? t('caseTitle', { tracking: data.tracking }) : t('mineTitle')}
      onBack={() => navigate(`${ROUTE}/mine`)}
    >
      {body}
    </Page>
  );
}
