/** Residents' questions waiting for the village's answer, earliest deadline first. */
import { useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import { Button, Card, EmptyState, ErrorState, LoadingState, TextArea } from '@cunmen/ui';
import { useState } from 'react';
import type { QuestionView } from '../common/web.js';
import { messages } from '../i18n.js';
import { chinaDay, chinaTime } from '../shared/format.js';

function QuestionCard({ q }: { q: QuestionView }) {
  const t = useT(messages);
  const mutation = useModuleMutation();
  const [text, setText] = useState('');
  return (
    <Card title={q.text} headingLevel={3}>
      <p>
        {t('onItem', { title: q.itemTitle })} · {t('askedOn', { date: chinaTime(q.askedAt) })}
      </p>
      <p>
        <strong>{q.overdue ? t('answerOverdue') : t('dueBy', { date: chinaDay(q.dueAt) })}</strong>
      </p>
      <TextArea
        label={t('answerLabel')}
        maxLength={2000}
        rows={3}
        value={text}
        onValueChange={setText}
        error={mutation.error?.message}
      />
      <p>
        <Button
          loading={mutation.pending}
          disabled={text.trim().length < 2}
          onClick={() => mutation.request('POST', `/questions/${q.id}/answer`, { text: text.trim() })}
        >
          {t('answerSubmit')}
        </Button>
      </p>
    </Card>
  );
}

export function Questions() {
  const t = useT(messages);
  const { data, loading, error, reload } = useModuleQuery<{ questions: QuestionView[] }>(
    '/questions?open=true',
  );
  if (loading && !data) return <LoadingState />;
  if (error) return <ErrorState message={error.message} onRetry={reload} />;
  const questions = data?.questions ?? [];
  return (
    <section aria-label={t('questionsTitle')}>
      <h2>{t('questionsTitle')}</h2>
      {questions.length === 0 ? (
        <EmptyState title={t('noOpenQuestions')} />
      ) : (
        questions.map((q) => <QuestionCard key={q.id} q={q} />)
      )}
    </section>
  );
}
