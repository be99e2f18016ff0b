/** One published item for residents, with its history and questions. */
import { useModuleMutation, useModuleQuery, useT, useUser } from '@cunmen/sdk';
import { Button, Card, ErrorState, List, ListItem, LoadingState, TextArea, Toast } from '@cunmen/ui';
import { type FormEvent, useState } from 'react';
import type { PublicQuestion, PublishedView } from '../common/web.js';
import { messages } from '../i18n.js';
import { useDownload } from '../shared/download.js';
import { chinaDay } from '../shared/format.js';
import { AttachmentList, Blocks, FinanceView } from '../shared/ItemContent.js';

function Ask({ id, days }: { id: string; days: number }) {
  const t = useT(messages);
  const mutation = useModuleMutation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    if (text.trim().length < 5) {
      setError(t('askTooShort'));
      return;
    }
    setError(null);
    if (await mutation.request<PublicQuestion>('POST', `/published/${id}/questions`, { text: text.trim() })) {
      setText('');
      setSent(true);
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate>
      <TextArea
        label={t('askLabel')}
        hint={t('askHint', { days })}
        maxLength={500}
        rows={4}
        value={text}
        onValueChange={setText}
        error={error ?? mutation.error?.message}
      />
      <p>
        <Button type="submit" block loading={mutation.pending}>
          {t('askSubmit')}
        </Button>
      </p>
      <div role="status">
        {sent ? <Toast inline tone="success" message={t('askSent', { days })} /> : null}
      </div>
    </form>
  );
}

export function ItemDetail({ id, onBack, onOpen }: { id: string; onBack(): void; onOpen(id: string): void }) {
  const t = useT(messages);
  const user = useUser();
  const { data, loading, error, reload } = useModuleQuery<PublishedView>(`/published/${id}`);
  const download = useDownload();
  if (loading && !data) return <LoadingState />;
  if (error || !data) return <ErrorState message={error?.message} onRetry={reload} />;
  const item = data;
  return (
    <article aria-labelledby={`item-${item.id}`}>
      <h2 id={`item-${item.id}`}>{item.title}</h2>
      {item.status === 'superseded' ? (
        <p role="note">
          <strong>{t('supersededNote')}</strong>
        </p>
      ) : null}
      <p>
        {t(`cat_${item.category}`)} · {item.catalogueTitle} · {t('period', { period: item.period })}
      </p>
      <p>{t('publishedAt', { date: chinaDay(item.publishedAt) })}</p>
      {item.reviewedAt ? <p>{t('reviewedOn', { date: chinaDay(item.reviewedAt) })}</p> : null}
      {item.councilDate ? <p>{t('councilOn', { date: item.councilDate })}</p> : null}
      {item.revisionReason ? <p>{t('correctionReason', { reason: item.revisionReason })}</p> : null}
      <p>
        <small>{t('basis', { basis: item.basis })}</small>
      </p>
      <Blocks blocks={item.blocks} />
      {item.finance ? <FinanceView finance={item.finance} /> : null}
      <AttachmentList
        attachments={item.attachments}
        onDownload={(a) => download.save(`/published/${item.id}/attachments/${a.id}`, a.filename)}
      />
      <p style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button
          variant="secondary"
          onClick={() => download.save(`/published/${item.id}/export.xlsx`, `${item.title}.xlsx`)}
        >
          {t('exportXlsx')}
        </Button>
        <Button
          variant="secondary"
          onClick={() => download.save(`/published/${item.id}/export.csv`, `${item.title}.csv`)}
        >
          {t('exportCsv')}
        </Button>
      </p>
      {download.error ? <ErrorState message={download.error} /> : null}

      {item.history.length > 1 ? (
        <Card title={t('history')} headingLevel={3}>
          <List label={t('history')}>
            {item.history.map((h) => (
              <ListItem
                key={h.id}
                title={`${t('revisionN', { n: h.revision })} · ${h.status === 'published' ? t('current') : t('superseded')}`}
                description={[t('publishedAt', { date: chinaDay(h.publishedAt) }), h.reason]
                  .filter(Boolean)
                  .join(' · ')}
                onClick={h.id === item.id ? undefined : () => onOpen(h.id)}
              />
            ))}
          </List>
        </Card>
      ) : null}

      <Card title={t('questions')} headingLevel={3}>
        {item.questions.length === 0 ? (
          <p>{t('noQuestions')}</p>
        ) : (
          <List label={t('questions')}>
            {item.questions.map((q) => (
              <ListItem
                key={q.id}
                title={q.text}
                description={[
                  t('askedOn', { date: chinaDay(q.askedAt) }),
                  q.answer
                    ? t('answer', { answer: q.answer })
                    : q.overdue
                      ? t('answerOverdue')
                      : t('awaiting', { date: chinaDay(q.dueAt) }),
                ].join(' · ')}
              />
            ))}
          </List>
        )}
      </Card>

      {item.status === 'published' ? (
        <Card title={t('askTitle')} headingLevel={3}>
          {user?.role === 'resident' ? <Ask id={item.id} days={item.answerDays} /> : <p>{t('askSignIn')}</p>}
        </Card>
      ) : null}
      <p>
        <Button variant="secondary" block onClick={onBack}>
          {t('backToList')}
        </Button>
      </p>
    </article>
  );
}
