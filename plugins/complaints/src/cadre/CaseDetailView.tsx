/** One case for staff: everything about it, its history with who/when, and the actions this unit may take. */
import { useHost, useModuleMutation, useModuleQuery, useT } from '@cunmen/sdk';
import {
  Button,
  Card,
  ErrorState,
  Icon,
  LoadingState,
  RadioGroup,
  Select,
  TextArea,
  TextField,
} from '@cunmen/ui';
import { useEffect, useState } from 'react';
import type { CaseDetail, StaffAction } from '../common/model.js';
import { formatTime, messages as resident } from '../i18n.js';
import { messages } from './i18n.js';

/** A missed time limit: the warning icon beside the words (never the icon alone). */
function Overdue({ text }: { text: string }) {
  return (
    <>
      {' · '}
      <Icon name="warning" className="cm-icon--start" />
      {text}
    </>
  );
}

function Photo({ id, n }: { id: string; n: number }) {
  const { api } = useHost();
  const t = useT(messages);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    api.module
      .download(`/photos/${id}`)
      .then((blob) => {
        if (!live || typeof URL.createObjectURL !== 'function') return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, id]);
  const label = t('detail.photo', { n });
  return url ? (
    <a href={url} target="_blank" rel="noreferrer">
      <img src={url} alt={label} style={{ width: 160, height: 160, objectFit: 'cover', borderRadius: 8 }} />
    </a>
  ) : (
    <span>{label}</span>
  );
}

function ActionForm({ detail, action }: { detail: CaseDetail; action: StaffAction }) {
  const t = useT(messages);
  const { request, pending, error } = useModuleMutation();
  const [note, setNote] = useState('');
  const [target, setTarget] = useState(detail.targets?.[1]?.division ?? '');
  const [department, setDepartment] = useState('');
  const [resolved, setResolved] = useState('yes');
  const [done, setDone] = useState(false);

  const body = (): Record<string, unknown> => {
    const trimmed = note.trim();
    switch (action) {
      case 'accept':
        return trimmed ? { note: trimmed } : {};
      case 'dispatch':
      case 'transfer':
        return {
          target,
          ...(department.trim() ? { department: department.trim() } : {}),
          ...(trimmed ? { note: trimmed } : {}),
        };
      case 'return':
        return { reason: trimmed };
      case 'reply':
        return { answer: trimmed };
      case 'close':
        return { resolved: resolved === 'yes', ...(trimmed ? { note: trimmed } : {}) };
      case 'follow-up':
        return { note: trimmed };
    }
  };

  const noteLabel =
    action === 'return'
      ? t('act.reason')
      : action === 'reply'
        ? t('act.answerLabel')
        : action === 'follow-up'
          ? t('act.followUpNote')
          : t('act.note');

  return (
    <Card title={t(`act.${action}`)} headingLevel={3}>
      <form
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
        onSubmit={(e) => {
          e.preventDefault();
          void request('POST', `/cases/${detail.id}/${action}`, body()).then((answer) => {
            if (answer) setDone(true);
          });
        }}
      >
        {action === 'dispatch' || action === 'transfer' ? (
          <>
            <Select
              label={t('act.target')}
              options={(detail.targets ?? []).map((u) => ({ value: u.division, label: u.name }))}
              value={target}
              onValueChange={setTarget}
            />
            <TextField
              label={t('act.department')}
              value={department}
              onValueChange={setDepartment}
              maxLength={30}
            />
          </>
        ) : null}
        {action === 'close' ? (
          <RadioGroup
            label={t('act.resolved')}
            options={[
              { value: 'yes', label: t('act.resolvedYes') },
              { value: 'no', label: t('act.resolvedNo') },
            ]}
            value={resolved}
            onValueChange={setResolved}
          />
        ) : null}
        <TextArea
          label={noteLabel}
          value={note}
          onValueChange={setNote}
          maxLength={action === 'reply' ? 2000 : 1000}
          rows={action === 'reply' ? 5 : 2}
          required={action === 'return' || action === 'reply' || action === 'follow-up'}
        />
        {error ? (
          <p role="alert" className="cm-field__error">
            {error.message}
          </p>
        ) : null}
        {done ? <p role="status">{t('act.done', { action: t(`act.${action}`) })}</p> : null}
        <Button type="submit" loading={pending}>
          {t(`act.${action}`)}
        </Button>
      </form>
    </Card>
  );
}

export function CaseDetailView({ id, onBack }: { id: string; onBack(): void }) {
  const t = useT(messages);
  const r = useT(resident);
  const { data, loading, error, reload } = useModuleQuery<CaseDetail>(`/cases/${encodeURIComponent(id)}`);
  if (loading && !data) return <LoadingState />;
  if (error) return <ErrorState message={error.message} onRetry={reload} />;
  if (!data) return null;
  const d = data;
  const staffActions = d.actions.filter((a): a is StaffAction => a !== 'rate');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <Button variant="secondary" onClick={onBack}>
        {t('detail.back')}
      </Button>
      <Card
        title={`${d.tracking} · ${r(`category.${d.category}`)} · ${r(`status.${d.status}`)}`}
        headingLevel={2}
      >
        <p style={{ margin: 0 }}>
          {t('queue.due', {
            accept: formatTime(d.deadlines.acceptDue),
            reply: formatTime(d.deadlines.replyDue),
          })}
          {d.deadlines.acceptOverdue ? <Overdue text={t('queue.acceptOverdue')} /> : null}
          {d.deadlines.replyOverdue ? <Overdue text={t('queue.replyOverdue')} /> : null}
          {d.deadlines.escalatedAt ? ` · ${t('queue.escalated')}` : ''}
        </p>
        {d.resident ? (
          <p>{t('detail.resident', { name: d.resident.name, household: d.resident.household ?? '—' })}</p>
        ) : null}
        <p style={{ whiteSpace: 'pre-wrap' }}>{d.text}</p>
        {d.place ? <p>{t('detail.place', { place: d.place })}</p> : null}
        {d.location ? (
          <p>{t('detail.location', { latitude: d.location.lat, longitude: d.location.lng })}</p>
        ) : null}
        <p>{d.public ? t('detail.public') : t('detail.notPublic')}</p>
        {d.owner ? <p>{t('detail.owner', { unit: d.owner.name })}</p> : null}
        {d.handler ? <p>{t('detail.handler', { unit: d.handler.name })}</p> : null}
        {d.photos.length ? (
          <ul
            style={{ display: 'flex', gap: 8, flexWrap: 'wrap', listStyle: 'none', padding: 0 }}
            aria-label={t('detail.photos')}
          >
            {d.photos.map((p, i) => (
              <li key={p}>
                <Photo id={p} n={i + 1} />
              </li>
            ))}
          </ul>
        ) : null}
        {d.answer ? (
          <>
            <h3>{t('detail.answer')}</h3>
            <p style={{ whiteSpace: 'pre-wrap' }}>{d.answer}</p>
            <p>{r('answeredBy', { unit: d.answerUnit ?? '', at: formatTime(d.answeredAt) })}</p>
          </>
        ) : null}
        {d.rating ? <p>{r('rated', { rating: r(`rating.${d.rating}`) })}</p> : null}
      </Card>
      {staffActions.length === 0 ? <p>{t('detail.noActions')}</p> : null}
      {staffActions.map((a) => (
        <ActionForm key={`${a}-${d.status}`} detail={d} action={a} />
      ))}
      <Card title={t('detail.history')} headingLevel={2}>
        <ol style={{ margin: 0, paddingInlineStart: '1.25em' }}>
          {d.history.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history is append-only; its position is its identity.
            <li key={i}>
              <strong>{r(`action.${e.action}`, { unit: e.unit, target: e.target ?? '' })}</strong> ·{' '}
              {formatTime(e.at)}
              {e.actor ? ` · ${t('detail.by', { actor: e.actor, unit: e.unit })}` : ''}
              {e.note ? <div>{e.note}</div> : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
