/** What is due, overdue and published for the village (or a township or county), for a period. */
import { useModuleQuery, useT } from '@cunmen/sdk';
import { Button, Card, ErrorState, List, ListItem, LoadingState, TextField } from '@cunmen/ui';
import { type FormEvent, useState } from 'react';
import type { DashboardAnswer } from '../common/web.js';
import { messages } from '../i18n.js';
import { chinaDay } from '../shared/format.js';

export function Dashboard() {
  const t = useT(messages);
  const [period, setPeriod] = useState('');
  const [division, setDivision] = useState('');
  const [query, setQuery] = useState('');
  const { data, loading, error, reload } = useModuleQuery<DashboardAnswer>(`/dashboard${query}`);

  function onShow(event: FormEvent) {
    event.preventDefault();
    const q = new URLSearchParams();
    if (period.trim()) q.set('period', period.trim());
    if (division.trim()) q.set('division', division.trim());
    const s = q.toString();
    setQuery(s ? `?${s}` : '');
  }

  return (
    <Card title={t('dashboardTitle')}>
      <form onSubmit={onShow} noValidate>
        <TextField
          label={t('dashboardPeriod')}
          hint={t('dashboardPeriodHint')}
          value={period}
          onValueChange={setPeriod}
          maxLength={10}
        />
        <TextField
          label={t('divisionLabel')}
          hint={t('divisionHint')}
          value={division}
          onValueChange={setDivision}
          maxLength={12}
          inputMode="numeric"
        />
        <p>
          <Button type="submit">{t('show')}</Button>
        </p>
      </form>
      {loading && !data ? <LoadingState /> : null}
      {error ? <ErrorState message={error.message} onRetry={reload} /> : null}
      {data ? (
        <div>
          <h3>
            {data.division.name} · {data.period}
          </h3>
          <p role="status">
            {t('countDue', { n: data.totals.due })} · {t('countOverdue', { n: data.totals.overdue })} ·{' '}
            {t('countPublished', { n: data.totals.published })}
          </p>
          {data.villages.map((v) => (
            <section key={v.code} aria-label={v.name}>
              {data.villages.length > 1 ? (
                <h4>
                  {v.name}：{t('countDue', { n: v.counts.due })} ·{' '}
                  {t('countOverdue', { n: v.counts.overdue })} ·{' '}
                  {t('countPublished', { n: v.counts.published })}
                </h4>
              ) : null}
              <List label={v.name}>
                {v.rows.map((r) => (
                  <ListItem
                    key={`${r.key}-${r.period}`}
                    title={`${r.title} · ${r.period}`}
                    description={[
                      `${t(`state_${r.state}`)}${r.late ? t('late') : ''}`,
                      r.publishedAt
                        ? t('publishedAt', { date: chinaDay(r.publishedAt) })
                        : t('deadline', { date: chinaDay(r.deadline) }),
                    ].join(' · ')}
                  />
                ))}
              </List>
            </section>
          ))}
          {data.overdueQuestions.length > 0 ? (
            <section aria-label={t('overdueQuestions')}>
              <h3>{t('overdueQuestions')}</h3>
              <List label={t('overdueQuestions')}>
                {data.overdueQuestions.map((q) => (
                  <ListItem
                    key={q.id}
                    title={q.text}
                    description={`${t('onItem', { title: q.itemTitle })} · ${t('dueBy', { date: chinaDay(q.dueAt) })}`}
                  />
                ))}
              </List>
            </section>
          ) : null}
        </div>
      ) : null}
    </Card>
  );
}
